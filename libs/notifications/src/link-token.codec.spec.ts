import { createHmac } from 'node:crypto';
import type { LinkTokenPayload } from '@luyue/domain';
import { decodeLinkToken, encodeLinkToken } from './link-token.codec';

const secret = 's'.repeat(32);
const payload: LinkTokenPayload = {
  jti: '2b0f4c1e-8f0a-4c2e-9b7a-1d2e3f4a5b6c',
  purpose: 'change_request.reply',
  subjectType: 'change_request',
  subjectId: 'CR-2026-0001',
  party: 'supervisor',
  recipient: 'wang@supervisor.example',
  contractId: 'f0e1d2c3-b4a5-4697-8899-aabbccddeeff',
  issuedAt: new Date('2026-03-02T08:00:00.000Z'),
  expiresAt: new Date('2026-03-09T08:00:00.000Z'),
};

function flipChar(s: string, index: number): string {
  const c = s[index];
  return s.slice(0, index) + (c === 'A' ? 'B' : 'A') + s.slice(index + 1);
}

describe('link token codec', () => {
  it('round-trips every claim', () => {
    const token = encodeLinkToken(payload, secret);
    expect(token).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(decodeLinkToken(token, secret)).toEqual({ ok: true, payload });
  });

  it('refuses a token signed with another secret', () => {
    const token = encodeLinkToken(payload, 'x'.repeat(32));
    expect(decodeLinkToken(token, secret)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses any single changed character, in the claims or the signature', () => {
    const token = encodeLinkToken(payload, secret);
    const claimsAt = token.indexOf('.') + 5;
    const signatureAt = token.lastIndexOf('.') + 5;
    for (const at of [claimsAt, signatureAt, token.length - 1]) {
      const result = decodeLinkToken(flipChar(token, at), secret);
      expect(result.ok).toBe(false);
    }
  });

  it('refuses claims re-encoded with a different party even with the old signature', () => {
    const [version, , signature] = encodeLinkToken(payload, secret).split('.');
    const forged = Buffer.from(
      JSON.stringify({ j: payload.jti, p: payload.purpose, pt: 'hospital' }),
    ).toString('base64url');
    expect(decodeLinkToken(`${version}.${forged}.${signature}`, secret)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('calls garbage malformed', () => {
    for (const token of ['', 'abc', 'v2.a.b', 'v1.a.b.c', 'v1..', 'v1.a.']) {
      expect(decodeLinkToken(token, secret)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('calls correctly signed claims that are not a payload malformed', () => {
    const body = `v1.${Buffer.from('{"j":1}').toString('base64url')}`;
    const signature = createHmac('sha256', secret).update(body).digest('base64url');
    expect(decodeLinkToken(`${body}.${signature}`, secret)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
