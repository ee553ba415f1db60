import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { validationFailed } from '@luyue/domain';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { IDEMPOTENCY_KEY, IDEMPOTENT } from './idempotent.decorator';
import { KeyedRunService } from './keyed-run.service';

/** Binds an `Idempotency-Key` to its caller, route and body on routes marked `@Idempotent()`. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly keyed: KeyedRunService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = req.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      const message = 'Idempotency-Key must be 1–100 letters, digits, dots, colons or dashes';
      throw validationFailed([{ field: 'Idempotency-Key', message }]);
    }
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.run(key, req, res, next));
  }

  private async run(
    key: string,
    req: AuthenticatedRequest,
    res: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const request = {
      key,
      caller: req.actor?.userId ?? 'anonymous',
      scope: `${req.method} ${req.path}`,
      body: req.body as unknown,
    };
    const outcome = await this.keyed.once(
      request,
      (createdBefore) => {
        req.createdBefore = createdBefore;
        return lastValueFrom(next.handle(), { defaultValue: undefined });
      },
      () => res.statusCode,
    );
    if (outcome.replayed) {
      res.status(outcome.statusCode);
      res.setHeader('Idempotent-Replayed', 'true');
    }
    return outcome.answer;
  }
}
