import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@luyue/config';
import { DomainError, type LinkTokenClaims } from '@luyue/domain';
import { LinkTokenService } from '@luyue/notifications';
import {
  AuditEventRepository,
  dataSourceOptions,
  LinkTokenRepository,
  TransactionRunner,
} from '@luyue/persistence';
import { api, demoContractId, operator } from '../helpers/e2e-auth';
import { e2eStack, withDb } from '../helpers/e2e-stack';

const PURPOSE = 'change_request.reply';

/** The refusal reason of a rejected promise, or 'accepted'. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'accepted';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'token_invalid') {
      return String(error.details?.reason);
    }
    throw error;
  }
}

function flip(token: string, at: number): string {
  return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
}

describe('email-link tokens against the real database', () => {
  let ds: DataSource;
  let tokens: LinkTokenService;
  let contractId: string;

  const claims = (subjectId: string, expiresInMs = 3_600_000): LinkTokenClaims => ({
    purpose: PURPOSE,
    subjectType: 'change_request',
    subjectId,
    party: 'supervisor',
    recipient: 'Supervisor@Demo.Luyue.Local',
    contractId,
    expiresAt: new Date(Date.now() + expiresInMs),
  });

  const usedAt = (token: string) =>
    withDb(async (db) => {
      const jti = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).j as string;
      const { rows } = await db.query<{ used_at: Date | null }>(
        'SELECT used_at FROM link_token WHERE jti = $1',
        [jti],
      );
      return rows[0]?.used_at;
    });

  const auditOf = async (subjectId: string) => {
    const res = await api()
      .get(`/api/contracts/${contractId}/audit`)
      .query({ subject: `change_request:${subjectId}` })
      .set('Authorization', operator())
      .expect(200);
    return (res.body.items as Array<{ action: string; summary: { reason?: string } }>)
      .reverse()
      .map((e) => `${e.action}${e.summary.reason ? `:${e.summary.reason}` : ''}`);
  };

  beforeAll(async () => {
    contractId = await demoContractId();
    ds = new DataSource({ ...dataSourceOptions(e2eStack().databaseUrl), extra: { max: 4 } });
    await ds.initialize();
    const config = { LINK_TOKEN_SECRET: e2eStack().env.LINK_TOKEN_SECRET } as AppConfig;
    tokens = new LinkTokenService(
      config,
      new LinkTokenRepository(ds),
      new AuditEventRepository(ds),
      new TransactionRunner(ds),
    );
  });

  afterAll(() => ds.destroy());

  it('redeems once, then refuses the replay; both are audited', async () => {
    const subject = `CR-${randomUUID()}`;
    const token = await tokens.issue(claims(subject));
    expect(await usedAt(token)).toBeNull();
    await expect(tokens.inspect(token, PURPOSE)).resolves.toMatchObject({ subjectId: subject });
    expect(await usedAt(token)).toBeNull(); // looking is not using

    const payload = await tokens.redeem(token, PURPOSE, { requestId: 'link-e2e-1' });
    expect(payload).toMatchObject({
      purpose: PURPOSE,
      subjectId: subject,
      party: 'supervisor',
      recipient: 'supervisor@demo.luyue.local',
      contractId,
    });
    const firstUse = await usedAt(token);
    expect(firstUse).toBeInstanceOf(Date);

    expect(await outcome(tokens.redeem(token, PURPOSE))).toBe('already_used');
    expect(await outcome(tokens.inspect(token, PURPOSE))).toBe('already_used');
    expect(await usedAt(token)).toEqual(firstUse);
    expect(await auditOf(subject)).toEqual([
      'link_token.redeemed',
      'link_token.refused:already_used',
    ]);
  });

  it('refuses a token with any changed byte and changes nothing', async () => {
    const subject = `CR-${randomUUID()}`;
    const token = await tokens.issue(claims(subject));
    const claimsPart = token.indexOf('.') + 8;
    const signaturePart = token.lastIndexOf('.') + 8;
    for (const at of [claimsPart, signaturePart]) {
      expect(await outcome(tokens.redeem(flip(token, at), PURPOSE))).toMatch(
        /^(bad_signature|malformed)$/,
      );
    }
    expect(await outcome(tokens.redeem(`${token}x`, PURPOSE))).toBe('bad_signature');
    expect(await usedAt(token)).toBeNull();
    // A refused forgery does not burn the genuine token.
    expect(await outcome(tokens.redeem(token, PURPOSE))).toBe('accepted');
    const refusals = await withDb(async (db) => {
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_event
         WHERE action = 'link_token.refused' AND subject_id = 'unverified' AND contract_id IS NULL`,
      );
      return Number(rows[0].n);
    });
    expect(refusals).toBeGreaterThanOrEqual(3);
  });

  it('refuses a token meant for another purpose, which stays usable', async () => {
    const token = await tokens.issue(claims(`CR-${randomUUID()}`));
    expect(await outcome(tokens.redeem(token, 'requirement.sign_off'))).toBe('wrong_purpose');
    expect(await outcome(tokens.redeem(token, PURPOSE))).toBe('accepted');
  });

  it('refuses an expired token', async () => {
    const subject = `CR-${randomUUID()}`;
    const token = await tokens.issue(claims(subject, 1_000));
    await sleep(1_300);
    expect(await outcome(tokens.redeem(token, PURPOSE))).toBe('expired');
    expect(await usedAt(token)).toBeNull();
    expect(await auditOf(subject)).toEqual(['link_token.refused:expired']);
  });

  it('lets exactly one of two simultaneous redemptions through', async () => {
    const token = await tokens.issue(claims(`CR-${randomUUID()}`));
    const results = await Promise.all([
      outcome(tokens.redeem(token, PURPOSE)),
      outcome(tokens.redeem(token, PURPOSE)),
    ]);
    expect(results.sort()).toEqual(['accepted', 'already_used']);
  });

  it('refuses to issue a token that is already expired', async () => {
    await expect(tokens.issue(claims('CR-past', -1000))).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
