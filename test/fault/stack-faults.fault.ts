import { randomUUID } from 'node:crypto';
import { api, demoContractId, loginDemo } from '../helpers/e2e-auth';
import { act, assessment, submitRequirement } from '../helpers/e2e-requirements';
import { issuedTasks } from '../helpers/e2e-security';
import { eventually } from '../helpers/e2e-stack';
import { createdOnce, expectMailedOnce, expectRecordedOnce } from '../helpers/fault-checks';
import { attempt, healthy, settle, timed, type Answer, type Op } from '../helpers/keyed-writes';
import {
  dataFile,
  killAndReplace,
  mailSink,
  postgresProcesses,
  sleep,
} from '../helpers/fault-injection';

/**
 * Faults injected into a private stack while people keep submitting and assessing requests and
 * proposing changes: the worker, the Temporal dev server and PostgreSQL killed (each restarted
 * by the stack's supervisor), PostgreSQL stalled, the mail server gone for a while. Afterwards nothing is lost or doubled
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
/** Longer than the api's query (16 s) and pool-acquire (5 s) bounds. */
const PG_STALL_MS = 25_000;
const MAIL_OUTAGE_MS = 8_000;
const REQUESTS_PER_FAULT = 5;
/** Writes per fault at most (assessments and submissions), to keep the tier short. */
const MAX_WRITES = 30;

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
let manager: string;

beforeAll(async () => {
  contractId = await demoContractId();
  [staff, pm, manager] = await Promise.all(
    (['hospital_staff', 'vendor_pm', 'hospital_manager'] as const).map(loginDemo),
  );
});

afterAll(() => {
  console.log(`answers while each fault lasted (bound ${ANSWER_BOUND_MS} ms):`);
  console.table(report);
});

/**
 * Two clients write (the ops first, then fresh creations, at most MAX_WRITES in all) and one
 * reads the requests until `over()`; every answer while the fault lasts is recorded, and every
 * write sent is added to `ops`.
 */
async function burst(
  ops: Op[],
  fresh: () => Op,
  ids: string[],
  over: () => boolean,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const queue = [...ops];
  const writer = async (): Promise<void> => {
    for (;;) {
      let op = queue.shift();
      if (!op && !over() && ops.length < MAX_WRITES) ops.push((op = fresh()));
      if (!op) return;
      answers.push(await attempt(op));
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

/** What the fresh writes during a fault created, by the title each was sent with. */
interface Fresh {
  requirements: string[];
  changes: string[];
}

/**
 * Requests submitted and a scan's remediation tasks issued before the fault, an assessment of
 * each request and a start of each task to send during it, and fresh
 * writes to keep going while it lasts: requirement submissions and change proposals in turn,
 * each with its title collected.
 */
async function prepare(tag: string): Promise<{
  ids: string[];
  taskIds: string[];
  ops: Op[];
  fresh: () => Op;
  titles: Fresh;
}> {
  const ids: string[] = [];
  for (let i = 0; i < REQUESTS_PER_FAULT; i++) {
    ids.push(
      (await submitRequirement(staff, contractId, { title: `${tag} 需求 ${i}` })).id as string,
    );
  }
  const taskIds = await issuedTasks(manager, pm, contractId);
  const ops = ids.map((id): Op => {
    const key = randomUUID();
    const body = assessment();
    return {
      name: `assess ${id}`,
      send: () => act(pm, id, 'assess', body).set('Idempotency-Key', key),
    };
  });
  for (const id of taskIds) {
    const key = randomUUID();
    ops.push({
      name: `start task ${id.slice(0, 8)}`,
      send: () =>
        api()
          .post(`/api/security-tasks/${id}/actions/start`)
          .set('Authorization', pm)
          .set('Idempotency-Key', key)
          .send({ note: '故障注入期间开始整改' }),
    });
  }
  const titles: Fresh = { requirements: [], changes: [] };
  const keyed = (name: string, path: string, body: object): Op => {
    const key = randomUUID();
    return {
      name,
      send: () =>
        api().post(path).set('Authorization', staff).set('Idempotency-Key', key).send(body),
    };
  };
  const fresh = (): Op => {
    const n = titles.requirements.length + titles.changes.length;
    const suffix = `${n} ${randomUUID().slice(0, 8)}`;
    if (n % 2 === 0) {
      const title = `${tag} 故障中提交 ${suffix}`;
      titles.requirements.push(title);
      return keyed(`submit "${title}"`, `/api/contracts/${contractId}/requirements`, {
        title,
        description: '故障注入期间提交。',
        system: 'LIS',
        priority: 'normal',
      });
    }
    const title = `${tag} 故障中变更 ${suffix}`;
    titles.changes.push(title);
    return keyed(`propose "${title}"`, `/api/contracts/${contractId}/change-requests`, {
      title,
      description: '故障注入期间提出的变更。',
      changeType: 'modify',
      impact: { scope: '检验系统', schedule: '不影响', cost: '不增加费用' },
    });
  };
  return { ids, taskIds, ops, fresh, titles };
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
  const { ids, taskIds, ops, fresh, titles } = await prepare(tag);
  let over = false;
  const answersDuring = burst(ops, fresh, ids, () => over);
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
  const requirements = await createdOnce('requirement', titles.requirements);
  const changes = await createdOnce('change_request', titles.changes);
  const all = [...ids, ...requirements];
  await expectRecordedOnce({ requirements: all, changes, tasks: taskIds }, ids);
  row.resent = await expectMailedOnce(
    [...all, ...changes, ...taskIds],
    options.resendsAllowed ?? false,
  );
}

describe('faults under load', () => {
  it('kill -9 of the worker in the middle of a burst of actions', async () => {
    const { inject, healed } = killAndReplace(dataFile('run', 'worker.pid'));
    await underFault('worker killed (SIGKILL)', inject, { healed, resendsAllowed: true });
  }, 400_000);

  it('kill -9 of the Temporal dev server', async () => {
    const { inject, healed } = killAndReplace(dataFile('temporal', 'temporal.pid'));
    await underFault('Temporal dev server killed (SIGKILL)', inject, { healed });
  }, 400_000);

  it('PostgreSQL stalled (SIGSTOP) past the query and acquire bounds, then SIGCONT', async () => {
    let stopped: number[] = [];
    await underFault(
      `PostgreSQL stalled ${PG_STALL_MS / 1000} s (SIGSTOP)`,
      async () => {
        stopped = postgresProcesses();
        for (const pid of stopped) process.kill(pid, 'SIGSTOP');
      },
      {
        heal: async () => {
          await sleep(PG_STALL_MS);
          for (const pid of stopped) process.kill(pid, 'SIGCONT');
        },
      },
    );
  }, 400_000);

  it('kill -9 of the PostgreSQL postmaster', async () => {
    const { inject, healed } = killAndReplace(dataFile('postgres', 'postmaster.pid'));
    await underFault('PostgreSQL killed (SIGKILL)', inject, { healed });
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
