import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import cookieParser from 'cookie-parser';
import { AppConfig } from '@luyue/config';
import { CsrfService } from '../console/csrf.service';
import { IdentityModule } from '../identity/identity.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LinkPrincipalService } from './link-principal.service';
import { LoginPageController } from './login-page.controller';
import { LoginPageService } from './login-page.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionTokenService } from './session-token.service';

/** Login, sessions and the global AuthGuard: every route needs a login unless @Public(). */
@Module({
  imports: [
    IdentityModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, LoginPageController],
  providers: [
    AuthService,
    SessionTokenService,
    LoginThrottleService,
    LoginPageService,
    LinkPrincipalService,
    CsrfService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule implements NestModule {
  // Parses cookies here rather than in main.ts, so the auth feature is self-contained.
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser()).forRoutes('*');
  }
}
