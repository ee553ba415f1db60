import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'supertest';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { act, assessment, submitRequirement } from '../helpers/e2e-requirements';
import { e2eStack, eventually, receivedMail, withDb } from '../helpers/e2e-stack';
import { messageIdOf } from '@luyue/notifications';
import { ABANDONED_CLAIM_MS } from '@luyue/persistence';

/**
 * Faults injected into a private stack while people keep acting on requests: the worker, the
 * Temporal dev server and PostgreSQL killed (each restarted by the stack's supervisor),
 * PostgreSQL stalled, the mail server gone for a while. Afterwards nothing is lost or doubled
 * and the stack is healthy by itself; during a fault every answer is a success or a 503 with
 * Retry-After, within ANSWER_BOUND_MS.
 */

/**
 * The longest an answer may take while a dependency is down or stalled: an action's Update is
 * given up after 20 s (update-timeout.util.ts), and one query after 16 s or a connection after
 * 5 s (the api's query_timeout and the pool's connect timeout, data-source.factory.ts); a stall
 * that begins just as an Update lands can cost both.
 */
const ANSWER_BOUND_MS = 40_000;
/** Past this the client gives up (answer 0), so a hang fails the check instead of the test. */
const CLIENT_GIVE_UP_MS = 90_000;
/** Longer than the api's query (16 s) and pool-acquire (5 s) bounds. */
const MAIL_OUTAGE_MS = 8_000;
const REQUESTS_PER_FAULT = 5;
/** Writes per fault at most (assessments and submissions), to keep the tier short. */
const MAX_WRITES = 30;

interface Answer {
  op: string;
  status: number;
  ms: number;
  retryAfter?: string;
  /** What a refusal said. */
  error?: string;
}

/** One write a person makes, sent with an Idempotency-Key so it can be sent again. */
interface Op {
  name: string;
  send: () => Test;
  answer?: Answer;
}

interface FaultRow {
  fault: string;
  answers: number;
  ok: number;
  unavailable: number;
  longestMs: number;
  slowest: string;
  healedInS: number;
  /** Mails sent twice under the same Message-ID (a worker killed between SMTP and `sent`). */
  resent: number;
}

const report: FaultRow[] = [];
let contractId: string;
let staff: string;
let pm: string;

beforeAll(async () => {
  contractId = await demoContractId();
  [staff, pm] = await Promise.all([loginDemo('hospital_staff'), loginDemo('vendor_pm')]);
});

afterAll(() => {
  console.log(`answers while each fault lasted (bound ${ANSWER_BOUND_MS} ms):`);
  console.table(report);
});

/** Stops or starts the SMTP sink of the stack (fault-global-setup.ts). */
async function mailSink(action: 'stop' | 'start'): Promise<void> {
  const res = await fetch(`${e2eStack().control}/mail/${action}`, { method: 'POST' });
  if (res.status !== 204)
    throw new Error(`mail ${action} answered ${res.status}: ${await res.text()}`);
}

async function timed(op: string, send: () => Test): Promise<Answer> {
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

/**
 * Two clients write (the ops first, then fresh submissions, at most MAX_WRITES in all) and one
 * reads the requests until `over()`; every answer while the fault lasts is recorded, and every
 * write sent is added to `ops`.
 */
async function burst(
  ops: Op[],
  submission: () => Op,
  ids: string[],
  over: () => boolean,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const queue = [...ops];
  const writer = async (): Promise<void> => {
    for (;;) {
      let op = queue.shift();
      if (!op && !over() && ops.length < MAX_WRITES) ops.push((op = submission()));
      if (!op) return;
      op.answer = await timed(op.name, op.send);
      answers.push(op.answer);
    }
  };
  const reader = async (): Promise<void> => {
    for (let i = 0; !over(); i++) {
      const id = ids[i % ids.length];
      const read = () => api().get(`/api/requirements/${id}`).set('Authorization', pm);
      answers.push(await timed(`read ${id}`, read));
      await sleep(250);
    }
  };
  await Promise.all([writer(), writer(), reader()]);
  return answers;
}

/** What a well-behaved client does after a 503: the same request, same key, until it lands. */
async function settle(ops: Op[]): Promise<Answer[]> {
  const refused: Answer[] = [];
  for (const op of ops) {
    if (op.answer && op.answer.status >= 200 && op.answer.status < 300) continue;
    op.answer = await eventually(
      () => timed(op.name, op.send),
      (a) => a.status >= 200 && a.status < 300,
      ABANDONED_CLAIM_MS * 2, // a claim left by a request the fault cut off is free by then
    );
    if (op.answer.status >= 300) refused.push(op.answer);
  }
  return refused;
}

/** GET /health answers 200 with every check up. */
async function healthy(): Promise<boolean> {
  try {
    const res = await api().get('/health').timeout({ response: 10_000 });
    const checks = (res.body as { checks?: Record<string, { status: string }> }).checks ?? {};
    return res.status === 200 && Object.values(checks).every((c) => c.status === 'up');
  } catch {
    return false;
  }
}

/** Requests submitted before the fault, an assessment of each to send during it, and fresh
 * submissions (their titles collected) to keep writing while it lasts. */
async function prepare(tag: string): Promise<{
  ids: string[];
  ops: Op[];
  submission: () => Op;
  titles: string[];
}> {
  const ids: string[] = [];
  for (let i = 0; i < REQUESTS_PER_FAULT; i++) {
    ids.push(
      (await submitRequirement(staff, contractId, { title: `${tag} 需求 ${i}` })).id as string,
    );
  }
  const ops = ids.map((id): Op => {
    const key = randomUUID();
    const body = assessment();
    return {
      name: `assess ${id}`,
      send: () => act(pm, id, 'assess', body).set('Idempotency-Key', key),
    };
  });
  const titles: string[] = [];
  const submission = (): Op => {
    const key = randomUUID();
    const title = `${tag} 故障中提交 ${titles.length} ${key.slice(0, 8)}`;
    titles.push(title);
    const body = { title, description: '故障注入期间提交。', system: 'LIS', priority: 'normal' };
    return {
      name: `submit "${title}"`,
      send: () =>
        api()
          .post(`/api/contracts/${contractId}/requirements`)
          .set('Authorization', staff)
          .set('Idempotency-Key', key)
          .send(body),
    };
  };
  return { ids, ops, submission, titles };
}

/**
 * Runs one fault under a burst of writes and reads, waits until the stack is healthy by
 * itself, settles the writes that got a 503, then checks that nothing was lost or doubled.
 */
async function underFault(
  fault: string,
  inject: () => Promise<void>,
  options: {
    /** Ends the fault (SIGCONT, the sink started again); the stack heals the others itself. */
    heal?: () => Promise<void>;
    /** What else must hold before the stack counts as healed, beyond GET /health. */
    healed?: () => boolean;
    /** A worker killed between SMTP and `sent` sends that mail again, same Message-ID. */
    resendsAllowed?: boolean;
  } = {},
): Promise<void> {
  const tag = `FAULT-${report.length + 1}`;
  const { ids, ops, submission, titles } = await prepare(tag);
  let over = false;
  const answersDuring = burst(ops, submission, ids, () => over);
  await sleep(300); // in the middle of the burst
  const injectedAt = Date.now();
  await inject();
  await options.heal?.();
  const healthyNow = await eventually(
    async () => (options.healed?.() ?? true) && (await healthy()),
    (ok) => ok,
    180_000,
  );
  const healedInS = Math.round((Date.now() - injectedAt) / 100) / 10;
  over = true;
  const answers = await answersDuring;
  const slowest = answers.reduce((a, b) => (b.ms > a.ms ? b : a));
  const row: FaultRow = {
    fault,
    answers: answers.length,
    ok: answers.filter((a) => a.status >= 200 && a.status < 300).length,
    unavailable: answers.filter((a) => a.status === 503).length,
    longestMs: slowest.ms,
    slowest: `${slowest.op.slice(0, 40)} → ${slowest.status}`,
    healedInS,
    resent: 0,
  };
  report.push(row);
  expect(healthyNow).toBe(true);

  // During the fault: a success, or a 503 that says when to retry; never a hang or a 500.
  const wrong = answers.filter(
    (a) =>
      !((a.status >= 200 && a.status < 300) || (a.status === 503 && a.retryAfter)) ||
      a.ms > ANSWER_BOUND_MS,
  );
  expect(wrong).toEqual([]);

  expect(await settle(ops)).toEqual([]);
  const submitted = await withDb(async (db) => {
    const { rows } = await db.query<{ id: string; title: string }>(
      `SELECT id, title FROM requirement WHERE title = ANY($1)`,
      [titles],
    );
    return rows;
  });
  expect(submitted.map((r) => r.title).sort()).toEqual([...titles].sort()); // each once
  const all = [...ids, ...submitted.map((r) => r.id)];
  await expectRecordedOnce(all);
  row.resent = await expectMailedOnce(all, options.resendsAllowed ?? false);
}

/** Every transition and audit event of these requests exists once, and every assess landed. */
async function expectRecordedOnce(ids: string[]): Promise<void> {
  const { transitions, audits } = await withDb(async (db) => ({
    transitions: (
      await db.query<{ requirement_id: string; action: string; n: number }>(
        `SELECT requirement_id, action, count(*)::int AS n FROM requirement_transition
         WHERE requirement_id = ANY($1) GROUP BY requirement_id, action`,
        [ids],
      )
    ).rows,
    audits: (
      await db.query<{ subject_id: string; action: string; n: number }>(
        `SELECT subject_id, action, count(*)::int AS n FROM audit_event
         WHERE subject_id = ANY($1) GROUP BY subject_id, action`,
        [ids],
      )
    ).rows,
  }));
  expect(transitions.filter((t) => t.n !== 1)).toEqual([]);
  expect(audits.filter((a) => a.n !== 1)).toEqual([]);
  const assessed = transitions.filter((t) => t.action === 'assess').map((t) => t.requirement_id);
  expect(assessed.sort()).toEqual(ids.slice(0, REQUESTS_PER_FAULT).sort());
  expect(audits.length).toBeGreaterThanOrEqual(ids.length);
}

/**
 * Every outbox message of these requests is sent and reached the sink once; with
 * `resendsAllowed`, possibly more than once under its one Message-ID. Answers the resends.
 */
async function expectMailedOnce(ids: string[], resendsAllowed: boolean): Promise<number> {
  const outboxRows = () =>
    withDb(async (db) => {
      const { rows } = await db.query<{ message_key: string; status: string }>(
        `SELECT message_key, status FROM outbox_mail
         WHERE split_part(message_key, ':', 1) = ANY($1)`,
        [ids],
      );
      return rows;
    });
  const outbox = await eventually(
    outboxRows,
    (rows) => rows.every((r) => r.status === 'sent'),
    90_000,
  );
  expect(outbox.filter((r) => r.status !== 'sent')).toEqual([]);
  expect(outbox.length).toBeGreaterThanOrEqual(ids.length);
  const received = await receivedMail();
  const copies = outbox.map((r) => ({
    key: r.message_key,
    copies: received.filter((m) => m.messageId === messageIdOf(r.message_key)).length,
  }));
  expect(copies.filter((c) => c.copies < 1 || (c.copies > 1 && !resendsAllowed))).toEqual([]);
  // Whatever was resent, each subject reached each recipient under one Message-ID only.
  const ours = received.filter((m) => ids.some((id) => m.subject.includes(`${id} `)));
  const perSubject = new Map<string, Set<string | undefined>>();
  for (const m of ours) {
    const key = `${m.to.join(',')} ${m.subject}`;
    perSubject.set(key, (perSubject.get(key) ?? new Set()).add(m.messageId));
  }
  expect([...perSubject].filter(([, messageIds]) => messageIds.size !== 1)).toEqual([]);
  return copies.reduce((sum, c) => sum + c.copies - 1, 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pidIn = (file: string): number => Number(readFileSync(file, 'utf8').split('\n')[0].trim());

/** The pid a pid file names now, if it names a live process. */
function livePid(file: string): number | undefined {
  try {
    const pid = pidIn(file);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Kills the process a pid file names; healed once the file names another live process. */
function killAndReplace(file: string): {
  inject: () => Promise<void>;
  healed: () => boolean;
} {
  const before = pidIn(file);
  return {
    inject: async () => {
      process.kill(before, 'SIGKILL');
    },
    healed: () => {
      const now = livePid(file);
      return now !== undefined && now !== before;
    },
  };
}

const dataFile = (...parts: string[]): string => join(e2eStack().dataDir, ...parts);

describe('faults under load', () => {
  it('kill -9 of the worker in the middle of a burst of actions', async () => {
    const { inject, healed } = killAndReplace(dataFile('run', 'worker.pid'));
    await underFault('worker killed (SIGKILL)', inject, { healed, resendsAllowed: true });
  }, 400_000);

  it('kill -9 of the Temporal dev server', async () => {
    const { inject, healed } = killAndReplace(dataFile('temporal', 'temporal.pid'));
    await underFault('Temporal dev server killed (SIGKILL)', inject, { healed });
  }, 400_000);

  it('the SMTP sink stopped and started again', async () => {
    await underFault(`SMTP sink down ${MAIL_OUTAGE_MS / 1000} s`, () => mailSink('stop'), {
      heal: async () => {
        await sleep(MAIL_OUTAGE_MS);
        await mailSink('start');
      },
    });
  }, 400_000);
});
