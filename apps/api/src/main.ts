import 'reflect-metadata';
import type { NextFunction, Request, Response } from 'express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig, ConfigError, loadConfig } from '@luyue/config';
import { PRODUCT_TITLE } from '@luyue/domain';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/session-cookie';
import { EDGE_ERRORS } from './common/api-errors.decorator';
import { ErrorEnvelopeDto } from './common/error-envelope.dto';
import { refuseOtherMethods } from './common/method-not-allowed.middleware';
import { quietWiring } from './common/quiet-startup.logger';
import {
  closeRequestBodies,
  documentReplyRule,
  documentStorableText,
  documentValidationLimits,
} from './common/validation-openapi.util';
import { createValidationPipe } from './common/validation.pipe';

async function bootstrap(): Promise<void> {
  loadConfig(process.env); // refuse to start on bad config, naming the variable
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(quietWiring(app.get(Logger)));
  // The console loads only its own stylesheet: no inline style or script, nothing from elsewhere.
  // Swagger UI (api/docs) needs inline code of its own, so only it goes without the CSP.
  app.use(refuseOtherMethods);
  app.use(helmet({ contentSecurityPolicy: false }));
  const csp = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path.startsWith('/api/docs') ? next() : csp(req, res, next),
  );
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const config = app.get(AppConfig);
  documentValidationLimits();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(PRODUCT_TITLE)
      .setDescription(
        'Hospital IT maintenance contract obligations as durable workflows. ' +
          'A POST, PUT, PATCH or DELETE authenticated by the session cookie alone must send the ' +
          "login answer's `csrfToken` in an `X-CSRF-Token` header (else 403 `csrf_refused`); " +
          'a Bearer token needs none. No text a request carries (body, form field, query, file ' +
          'name) may hold a NUL or an unpaired surrogate, nor a file name a bidirectional ' +
          'control character: 400 `validation_failed` naming the field.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth(
        SESSION_COOKIE,
        { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        SESSION_COOKIE,
      )
      .addGlobalResponse(...EDGE_ERRORS)
      .build(),
    { extraModels: [ErrorEnvelopeDto] },
  );
  closeRequestBodies(document);
  documentStorableText(document);
  documentReplyRule(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.listen(config.PORT, '0.0.0.0');
  app.get(Logger).log(`api listening on ${config.PORT}`);
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
