import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@luyue/domain';
import { IdempotencyKeyRepository, type IdempotencyRecord } from '@luyue/persistence';

/** Background tries to free a key after the first failed (1 + 2 + 4 + 8 + 16 s). */
const RELEASE_RETRIES = 5;

/** How often a waiting sending looks again whether the first one has answered. */
const WAIT_STEP_MS = 200;

/** The first request with the key has neither answered nor committed what it makes. */
const running = (held: IdempotencyRecord): boolean =>
  held.statusCode === null && held.subjectId === null;

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

/** The sha256 of a body, whatever the order of its keys. */
export const bodyDigest = (body: unknown): string =>
  createHash('sha256').update(canonical(body)).digest('hex');

/** One keyed request: whose, on which route, with what body. */
export interface KeyedRequest {
  key: string;
  caller: string;
  scope: string;
  body: unknown;
}

/** What a keyed run answers: the stored answer of an earlier run with the key, or its own. */
export type KeyedAnswer =
  { replayed: true; statusCode: number; answer: unknown } | { replayed: false; answer: unknown };

/**
 * Runs work once per key, for the REST routes (`Idempotency-Key`) and the console's creating
 * forms alike: the key bound to its caller, route and body; an answered key answers again; a key
 * whose work committed what it made but lost its answer hands `work` that subject.
 */
@Injectable()
export class KeyedRunService {
  constructor(private readonly keys: IdempotencyKeyRepository) {}

  /**
   * `waitMs`: how long a sending that finds the first one still running waits for its answer
   * (a form double-clicked: the second click should land where the first does); 0 answers 409
   * at once, as REST clients are told to retry.
   */
  async once(
    request: KeyedRequest,
    work: (createdBefore: string | null) => Promise<unknown>,
    statusCode: () => number,
    waitMs = 0,
  ): Promise<KeyedAnswer> {
    const { key, caller, scope } = request;
    const claim = { key, caller, scope, bodySha256: bodyDigest(request.body) };
    const waitUntil = Date.now() + waitMs;
    let outcome = await this.keys.claim(claim);
    while ('held' in outcome && running(outcome.held) && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      outcome = await this.keys.claim(claim);
    }
    const held = 'held' in outcome ? outcome.held : null;
    if (held) {
      if (held.caller !== caller || held.scope !== scope) {
        throw new DomainError('conflict', 'idempotency.other_caller', {}, { idempotencyKey: key });
      }
      if (held.bodySha256 !== claim.bodySha256) {
        throw new DomainError(
          'idempotency_mismatch',
          'idempotency.other_body',
          {},
          { idempotencyKey: key },
        );
      }
      if (held.statusCode !== null) {
        return { replayed: true, statusCode: held.statusCode, answer: held.response };
      }
      if (running(held)) {
        throw new DomainError(
          'conflict',
          'idempotency.in_progress',
          {},
          { idempotencyKey: key, retryAfterSeconds: 1 },
        );
      }
      // The first try committed what it made but its answer was lost (a cut-off COMMIT answered
      // 503): the work answers with that subject instead of making another.
    }
    try {
      const answer = await work(held?.subjectId ?? null);
      await this.keys.complete(key, statusCode(), answer);
      return { replayed: false, answer };
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
