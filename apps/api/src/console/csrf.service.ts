import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@luyue/config';

export const CSRF_FIELD = '_csrf';
/** The header a cookie-authenticated REST write carries the same token in (lower case, as Node gives it). */
export const CSRF_HEADER = 'x-csrf-token';

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
    return same(this.token(sessionId), given);
  }

  /**
   * Before login there is no session: the login form pairs a random nonce in a cookie with its
   * HMAC in the form, so a cross-site page cannot log the victim into the attacker's account.
   */
  loginToken(nonce: string): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`login:${nonce}`)
      .digest('base64url');
  }

  loginMatches(nonce: unknown, given: unknown): boolean {
    if (typeof nonce !== 'string' || nonce.length < 16 || typeof given !== 'string') return false;
    return same(this.loginToken(nonce), given);
  }
}

function same(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
