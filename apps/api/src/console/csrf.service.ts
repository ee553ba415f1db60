import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@luyue/config';

export const CSRF_FIELD = '_csrf';

/** One token per login session: an HMAC of its id, so nothing is stored and a forger cannot make one. */
@Injectable()
export class CsrfService {
  constructor(private readonly config: AppConfig) {}

  token(sessionId: string | undefined): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`csrf:${sessionId ?? 'none'}`)
      .digest('base64url');
  }

  matches(sessionId: string | undefined, given: unknown): boolean {
    if (!sessionId || typeof given !== 'string') return false;
    const expected = Buffer.from(this.token(sessionId));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
