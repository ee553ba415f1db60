import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

export type TokenKind = 'access' | 'session';

interface Claims {
  sub: string;
  sid: string;
  typ: TokenKind;
}

/** Access token (Bearer) lifetime: short, a client logs in again. */
export const ACCESS_TOKEN_SECONDS = 30 * 60;
/** Session (cookie) lifetime; the session row expires with it. */
export const SESSION_SECONDS = 12 * 60 * 60;

const ISSUER = 'luyue';

/**
 * Signs and checks the two JWTs of a login session (HS256, JWT_SECRET). Both carry the
 * session id, which the guard checks against the database, so logout invalidates them.
 */
@Injectable()
export class SessionTokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(kind: TokenKind, userId: string, sessionId: string): Promise<string> {
    const claims: Claims = { sub: userId, sid: sessionId, typ: kind };
    return this.jwt.signAsync(claims, {
      expiresIn: kind === 'access' ? ACCESS_TOKEN_SECONDS : SESSION_SECONDS,
      issuer: ISSUER,
      audience: kind,
    });
  }

  /** The session id and user id, or null for any token that is not valid for `kind`. */
  async verify(
    kind: TokenKind,
    token: string,
  ): Promise<{ userId: string; sessionId: string } | null> {
    try {
      const claims = await this.jwt.verifyAsync<Claims>(token, {
        issuer: ISSUER,
        audience: kind,
        algorithms: ['HS256'],
      });
      if (claims.typ !== kind || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') {
        return null;
      }
      return { userId: claims.sub, sessionId: claims.sid };
    } catch {
      return null;
    }
  }
}
