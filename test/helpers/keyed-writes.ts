// Writes as a well-behaved client sends them under faults (the fault and cluster tiers): each
// with an Idempotency-Key, timed, sent again with the same key after a 503 until it lands.
import request from 'supertest';
import type { Test } from 'supertest';
import { ABANDONED_CLAIM_MS } from '@luyue/persistence';
import { api } from './e2e-auth';
import { eventually } from './e2e-stack';

/** Past this the client gives up (answer 0), so a hang fails the check instead of the test. */
export const CLIENT_GIVE_UP_MS = 90_000;

export interface Answer {
  op: string;
  status: number;
  ms: number;
  retryAfter?: string;
  /** What a refusal said. */
  error?: string;
  /** Which api answered (or did not), when there are several. */
  api?: string;
}

/** One write a person makes, sent with an Idempotency-Key so it can be sent again. */
export interface Op {
  name: string;
  send: () => Test;
  answer?: Answer;
  /** Called after a try that got no answer at all (the api went away): send elsewhere next. */
  failover?: () => void;
  /** Whether an answer means the write landed; 2xx by default. */
  landed?: (answer: Answer, op: Op) => boolean;
  /** Every answer it got, in order. */
  answers?: Answer[];
  /** The api the next try goes to, when there are several. */
  at?: () => string;
}

export const succeeded = (a: Answer): boolean => a.status >= 200 && a.status < 300;
export const landed = (op: Op, a: Answer): boolean => (op.landed ?? succeeded)(a, op);

export async function timed(op: string, send: () => Test): Promise<Answer> {
  const started = Date.now();
  try {
    const res = await send().timeout({ response: CLIENT_GIVE_UP_MS });
    const retryAfter = res.headers['retry-after'] as string | undefined;
    const ms = Date.now() - started;
    if (res.status < 300) return { op, status: res.status, ms };
    const error = (res.body as { error?: { message?: string } }).error?.message;
    return { op, status: res.status, ms, retryAfter, error };
  } catch {
    return { op, status: 0, ms: Date.now() - started }; // no answer at all
  }
}

/** Sends an op once, keeping the answer (and failing over after no answer). */
export async function attempt(op: Op): Promise<Answer> {
  const where = op.at?.();
  const answer = { ...(await timed(op.name, op.send)), ...(where ? { api: where } : {}) };
  op.answer = answer;
  (op.answers ??= []).push(answer);
  if (answer.status === 0) op.failover?.();
  return answer;
}

/** What a well-behaved client does after a 503: the same request, same key, until it lands.
 * Answers the ops that never did. */
export async function settle(ops: Op[]): Promise<Answer[]> {
  const refused: Answer[] = [];
  for (const op of ops) {
    if (op.answer && landed(op, op.answer)) continue;
    const answer = await eventually(
      () => attempt(op),
      (a) => landed(op, a),
      ABANDONED_CLAIM_MS * 2, // a claim left by a request the fault cut off is free by then
    );
    if (!landed(op, answer)) refused.push(answer);
  }
  return refused;
}

/** GET /health of an api (the stack's first by default) answers 200 with every check up. */
export async function healthy(base?: string): Promise<boolean> {
  try {
    const res = await (base ? request(base) : api()).get('/health').timeout({ response: 10_000 });
    const checks = (res.body as { checks?: Record<string, { status: string }> }).checks ?? {};
    return res.status === 200 && Object.values(checks).every((c) => c.status === 'up');
  } catch {
    return false;
  }
}
