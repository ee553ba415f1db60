import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface IdempotencyClaim {
  key: string;
  caller: string;
  scope: string;
  bodySha256: string;
}

/** What a key already holds when it was claimed before. */
export interface IdempotencyRecord extends IdempotencyClaim {
  /** Null while the first request is still being processed. */
  statusCode: number | null;
  response: unknown;
  /** What the first request created, committed with it; set while its answer is still missing. */
  subjectId: string | null;
}

/**
 * A claim this old without an answer was left by a request that died, or whose release failed
 * because the database was away: longer than any answer takes (the api's bounds), so a live
 * request never loses its claim.
 */
export const ABANDONED_CLAIM_MS = 60_000;

/**
 * Who holds a key: `claimed` (this call; the claim's own timestamp, so only this claim can be
 * released by it) or `held` (an earlier call, and what it left).
 */
export type ClaimOutcome = { claimed: string } | { held: IdempotencyRecord };

/** Idempotency keys: claimed before the work, completed with its answer, released on failure. */
@Injectable()
export class IdempotencyKeyRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async claim(claim: IdempotencyClaim): Promise<ClaimOutcome> {
    const inserted: Array<{ claimed: string }> = await this.ds.query(
      `INSERT INTO idempotency_key (key, caller, scope, body_sha256) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO NOTHING RETURNING created_at::text AS claimed`,
      [claim.key, claim.caller, claim.scope, claim.bodySha256],
    );
    if (inserted[0]) return inserted[0];
    // A CTE so the driver returns plain rows (a bare UPDATE … RETURNING comes back as [rows, count]).
    const taken: Array<{ claimed: string }> = await this.ds.query(
      `WITH taken AS (
         UPDATE idempotency_key SET created_at = now()
         WHERE key = $1 AND caller = $2 AND scope = $3 AND body_sha256 = $4 AND status_code IS NULL
           AND subject_id IS NULL AND created_at < now() - ($5::int * interval '1 millisecond')
         RETURNING created_at)
       SELECT created_at::text AS claimed FROM taken`,
      [claim.key, claim.caller, claim.scope, claim.bodySha256, ABANDONED_CLAIM_MS],
    );
    if (taken[0]) return taken[0]; // an abandoned claim of this very request: run it again
    const rows: Array<{
      caller: string;
      scope: string;
      body_sha256: string;
      status_code: number | null;
      response: unknown;
      subject_id: string | null;
    }> = await this.ds.query(
      `SELECT caller, scope, body_sha256, status_code, response, subject_id FROM idempotency_key
       WHERE key = $1`,
      [claim.key],
    );
    // Released between the two statements: claim again.
    if (!rows[0]) return this.claim(claim);
    const r = rows[0];
    const record: IdempotencyRecord = {
      key: claim.key,
      caller: r.caller,
      scope: r.scope,
      bodySha256: r.body_sha256,
      statusCode: r.status_code,
      response: r.response,
      subjectId: r.subject_id,
    };
    return { held: record };
  }

  /**
   * Inside the creating transaction: the key made `subjectId`. The row stays locked until that
   * transaction ends, so a release racing a COMMIT waits for it and then leaves the key alone.
   */
  async recordSubject(manager: EntityManager, key: string, subjectId: string): Promise<void> {
    await manager.query(
      `UPDATE idempotency_key SET subject_id = $2 WHERE key = $1 AND status_code IS NULL`,
      [key, subjectId],
    );
  }

  async complete(key: string, statusCode: number, response: unknown): Promise<void> {
    await this.ds.query(
      `UPDATE idempotency_key SET status_code = $2, response = $3::jsonb, completed_at = now()
       WHERE key = $1`,
      [key, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /**
   * The work of the claim made at `claimed` failed: the key is free again, so a retry runs it
   * anew; unless the work committed its subject after all, when a retry answers with that. A
   * later claim of the key (a takeover) is not this one's to free.
   */
  async release(key: string, claimed: string): Promise<void> {
    await this.ds.query(
      `DELETE FROM idempotency_key WHERE key = $1 AND created_at = $2::timestamptz
         AND status_code IS NULL AND subject_id IS NULL`,
      [key, claimed],
    );
  }
}
