import { createHash } from 'node:crypto';
import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DomainError, validationFailed } from '@luyue/domain';
import { IdempotencyKeyRepository } from '@luyue/persistence';
import type { AuthenticatedRequest } from '../auth/authenticated-request.types';
import { IDEMPOTENCY_KEY, IDEMPOTENT } from './idempotent.decorator';

/** Background tries to free a key after the first failed (1 + 2 + 4 + 8 + 16 s). */
const RELEASE_RETRIES = 5;

/** JSON with sorted keys, so the same body hashes the same whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Binds an `Idempotency-Key` to its caller, route and body on routes marked `@Idempotent()`. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyKeyRepository,
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
    const claim = {
      key,
      caller: req.actor?.userId ?? 'anonymous',
      scope: `${req.method} ${req.path}`,
      bodySha256: createHash('sha256').update(canonical(req.body)).digest('hex'),
    };
    const outcome = await this.keys.claim(claim);
    const held = 'held' in outcome ? outcome.held : null;
    if (held) {
      if (held.caller !== claim.caller || held.scope !== claim.scope) {
        throw new DomainError(
          'conflict',
          'This Idempotency-Key was already used by another caller or for another request',
          { idempotencyKey: key },
        );
      }
      if (held.bodySha256 !== claim.bodySha256) {
        throw new DomainError(
          'idempotency_mismatch',
          'This Idempotency-Key was already used with a different body; use a new key',
          { idempotencyKey: key },
        );
      }
      if (held.statusCode !== null) {
        res.status(held.statusCode);
        res.setHeader('Idempotent-Replayed', 'true');
        return held.response;
      }
      if (held.subjectId === null) {
        throw new DomainError(
          'conflict',
          'A request with this Idempotency-Key is still being processed; retry shortly',
          { idempotencyKey: key },
        );
      }
      // The first try committed what it made but its answer was lost (a cut-off COMMIT answered
      // 503): the handler answers with that subject instead of making another.
    }
    req.idempotency = { key, subjectId: held?.subjectId ?? null };
    try {
      const answer: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.keys.complete(key, res.statusCode, answer);
      return answer;
    } catch (error) {
      if ('claimed' in outcome) await this.release(key, outcome.claimed);
      throw error;
    }
  }

  /**
   * Frees the key of a failed request. When the database is away too, tries again in the
   * background for about half a minute, so a client's retry gets in soon after it is back
   * rather than after ABANDONED_CLAIM_MS.
   */
  private async release(key: string, claimed: string, attempt = 0): Promise<void> {
    try {
      await this.keys.release(key, claimed);
    } catch {
      if (attempt >= RELEASE_RETRIES) return;
      const again = () => void this.release(key, claimed, attempt + 1);
      setTimeout(again, 1_000 * 2 ** attempt).unref();
    }
  }
}
