import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'luyue_session';

/** HttpOnly and SameSite=Lax (no cross-site POST carries it); Secure behind https. */
export function sessionCookieOptions(publicBaseUrl: string, expires?: Date): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: publicBaseUrl.startsWith('https://'),
    path: '/',
    ...(expires ? { expires } : {}),
  };
}
