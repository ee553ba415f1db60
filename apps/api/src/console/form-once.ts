import { randomUUID } from 'node:crypto';
import type { Actor } from '@luyue/domain';
import { bodyDigest, KeyedRunService } from '../common/keyed-run.service';

/** The hidden field of a creating form: a token minted with its page. */
export const ONCE_FIELD = '_once';
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
 * Creates once per sending of a form: the key is the page's token and what the form says, so
 * the same form sent twice (a double click, a resend after a slow answer) creates one thing, and
 * the form changed after going back creates anew. A form without a token just runs. Answers the
 * id of what was created.
 */
export async function createOnce(
  keyed: KeyedRunService,
  sent: { actor: Actor; scope: string; body: Record<string, unknown>; payload: object },
  work: (ctx: OnceContext) => Promise<{ id: string }>,
): Promise<string> {
  const token = sent.body[ONCE_FIELD];
  if (typeof token !== 'string' || !TOKEN.test(token)) {
    return (await work({ idempotencyKey: null, createdBefore: null })).id;
  }
  const key = `form.${token}.${bodyDigest(sent.payload).slice(0, 16)}`;
  const request = { key, caller: sent.actor.userId, scope: sent.scope, body: sent.payload };
  const run = async (createdBefore: string | null) => ({
    id: (await work({ idempotencyKey: key, createdBefore })).id,
  });
  const { answer } = await keyed.once(request, run, () => 303, FIRST_SENDING_WAIT_MS);
  return (answer as { id: string }).id;
}
