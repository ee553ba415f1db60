import { randomUUID } from 'node:crypto';
import type { Actor } from '@luyue/domain';
import { bodyDigest, KeyedRunService } from '../common/keyed-run.service';

/** The hidden field of a creating form: a token minted with its page. */
const ONCE_FIELD = '_once';
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const newOnce = (): string => randomUUID();

/** A second click waits this long for the first to answer, then lands where it did. */
const FIRST_SENDING_WAIT_MS = 30_000;

/** What the creating work is told: its key, and what an earlier sending already made. */
export interface OnceContext {
  idempotencyKey: string | null;
  createdBefore: string | null;
}

/**
 * The key of one sending of a form: the page's token and what the form says (its files by their
 * sha256), so the same form sent twice is one sending and the form changed after going back is
 * another. Null for a form without a token. On an action it becomes the Update's id, which
 * Temporal runs once.
 */
export function sendingKeyOf(
  body: Record<string, unknown> | undefined,
  payload: object,
  uploads: ReadonlyArray<{ sha256: string }> = [],
): string | null {
  const token = body?.[ONCE_FIELD];
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  const files = uploads.map((u) => u.sha256);
  return `form.${token}.${bodyDigest({ payload, files }).slice(0, 16)}`;
}

/**
 * Creates once per sending of a form (sendingKeyOf): a double click or a resend after a slow
 * answer creates one thing, and both land on it. Answers the id of what was created.
 */
export async function createOnce(
  keyed: KeyedRunService,
  sent: {
    actor: Actor;
    scope: string;
    body: Record<string, unknown>;
    payload: object;
    uploads?: ReadonlyArray<{ sha256: string }>;
  },
  work: (ctx: OnceContext) => Promise<{ id: string }>,
): Promise<string> {
  const key = sendingKeyOf(sent.body, sent.payload, sent.uploads);
  if (!key) return (await work({ idempotencyKey: null, createdBefore: null })).id;
  const request = { key, caller: sent.actor.userId, scope: sent.scope, body: sent.payload };
  const run = async (createdBefore: string | null) => ({
    id: (await work({ idempotencyKey: key, createdBefore })).id,
  });
  const { answer } = await keyed.once(request, run, () => 303, FIRST_SENDING_WAIT_MS);
  return (answer as { id: string }).id;
}
