import { createHmac, timingSafeEqual } from 'node:crypto';
import { isParty, type LinkTokenPayload, type LinkTokenRefusal } from '@luyue/domain';
// Format: `v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(secret, "v1.<claims>"))>`.
// Opaque to the recipient; the signature covers the version too, so no part can be swapped.
const VERSION = 'v1';

interface WireClaims {
  j: string;
  p: string;
  st: string;
  si: string;
  pt: string;
  r: string;
  c: string | null;
  iat: number;
  exp: number;
}

function sign(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function encodeLinkToken(payload: LinkTokenPayload, secret: string): string {
  const claims: WireClaims = {
    j: payload.jti,
    p: payload.purpose,
    st: payload.subjectType,
    si: payload.subjectId,
    pt: payload.party,
    r: payload.recipient,
    c: payload.contractId,
    iat: payload.issuedAt.getTime(),
    exp: payload.expiresAt.getTime(),
  };
  const body = `${VERSION}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

export type DecodedLinkToken =
  | { ok: true; payload: LinkTokenPayload }
  | { ok: false; reason: Extract<LinkTokenRefusal, 'malformed' | 'bad_signature'> };

/** Checks shape and signature only; purpose, expiry and single use are the caller's. */
export function decodeLinkToken(token: string, secret: string): DecodedLinkToken {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2] || token.length > 4096) {
    return { ok: false, reason: 'malformed' };
  }
  const body = `${parts[0]}.${parts[1]}`;
  const given = Buffer.from(parts[2], 'base64url');
  const expected = sign(secret, body);
  // base64url decoding ignores stray characters, so also require the canonical spelling.
  if (
    given.length !== expected.length ||
    given.toString('base64url') !== parts[2] ||
    !timingSafeEqual(given, expected)
  ) {
    return { ok: false, reason: 'bad_signature' };
  }
  let claims: WireClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as WireClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    typeof claims.j !== 'string' ||
    typeof claims.p !== 'string' ||
    typeof claims.st !== 'string' ||
    typeof claims.si !== 'string' ||
    !isParty(claims.pt) ||
    typeof claims.r !== 'string' ||
    !Number.isFinite(claims.iat) ||
    !Number.isFinite(claims.exp)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  return {
    ok: true,
    payload: {
      jti: claims.j,
      purpose: claims.p,
      subjectType: claims.st,
      subjectId: claims.si,
      party: claims.pt,
      recipient: claims.r,
      contractId: typeof claims.c === 'string' ? claims.c : null,
      issuedAt: new Date(claims.iat),
      expiresAt: new Date(claims.exp),
    },
  };
}
