import { Global, Module } from '@nestjs/common';
import { MailTransportService } from './mail-transport.service';
import { TemplateRenderer } from './template.renderer';

@Global()
@Module({
  providers: [
    { provide: TemplateRenderer, useFactory: () => new TemplateRenderer() },
    MailTransportService,
  ],
  exports: [TemplateRenderer, MailTransportService],
})
export class NotificationsModule {}
