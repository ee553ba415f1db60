import { Global, Module } from '@nestjs/common';
import { LinkTokenService } from './link-token.service';
import { MailTransportService } from './mail-transport.service';
import { TemplateRenderer } from './template.renderer';

@Global()
@Module({
  providers: [
    { provide: TemplateRenderer, useFactory: () => new TemplateRenderer() },
    MailTransportService,
    LinkTokenService,
  ],
  exports: [TemplateRenderer, MailTransportService, LinkTokenService],
})
export class NotificationsModule {}
