import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Test } from 'supertest';
import { demoContractId, demoCredential, loginDemo } from '../helpers/e2e-auth';
import { proposeChange, replyLinkMails, replyLinkOf } from '../helpers/e2e-changes';
import { assessment, submitRequirement } from '../helpers/e2e-requirements';
import {
  issueNotice,
  issuedTasks,
  WEAK_PASSWORD_TASKS,
  WEAK_PASSWORDS,
} from '../helpers/e2e-security';
import { e2eStack, eventually, withDb } from '../helpers/e2e-stack';
import { createdOnce, expectMailedOnce, expectRecordedOnce } from '../helpers/fault-checks';
import { dataFile, killAndReplace } from '../helpers/fault-injection';
import {
  attempt,
  healthy,
  landed,
  settle,
  succeeded,
  type Answer,
  type Op,
} from '../helpers/keyed-writes';

/**
 * Two api processes and two worker processes on one Temporal dev server, one PostgreSQL and one
 * SMTP sink (cluster-global-setup.ts). A burst of writes is spread over both apis, as a load
 * balancer would; mid-burst the second api and the second worker are killed with SIGKILL (the
 * stack's supervisor starts them again). A write whose api went away is sent to the other one
 * with the same Idempotency-Key, and after a 503 again, as a client should. Afterwards every
 * accepted write is recorded once, every mail reached the sink once, every deadline was
 * scheduled once, and the apis are healthy.
 */

const REQUESTS_TO_ASSESS = 6;
const REQUESTS_TO_APPROVE = 4;
const CHANGES_TO_REPLY = 4;
const NOTICES_TO_IMPORT = 2;
/** Fresh submissions and change proposals during the burst. */
const FRESH_WRITES = 16;
/** Concurrent clients. */
const WRITERS = 4;
/** The kill comes after this many answers: in the middle of the burst. */
const KILL_AFTER_ANSWERS = 10;

const apis = (): string[] => e2eStack().apis;

let contractId: string;
let staff: string;
let pm: string;
let manager: string;

beforeAll(async () => {
  expect(apis()).toHaveLength(2);
  contractId = await demoContractId();
  [staff, pm, manager] = await Promise.all(
    (['hospital_staff', 'vendor_pm', 'hospital_manager'] as const).map(loginDemo),
  );
});

/** A write sent first to api `first % 2`, to the other one after an attempt without answer. */
function spread(name: string, first: number, build: (base: string) => Test): Op {
  let at = first % apis().length;
  const op: Op = {
    name,
    send: () => build(apis()[at]),
    failover: () => (at = (at + 1) % apis().length),
    at: () => apis()[at],
  };
  return op;
}

/** A keyed JSON write as `auth`. */
function keyedJson(name: string, first: number, auth: string, path: string, body: object): Op {
  const key = randomUUID();
  return spread(name, first, (base) =>
    request(base).post(path).set('Authorization', auth).set('Idempotency-Key', key).send(body),
  );
}

/** An answer that went unanswered or 503 before: the write may have landed by then. */
const triedBefore = (op: Op): boolean =>
  (op.answers ?? []).slice(0, -1).some((a) => a.status === 0 || a.status >= 500);

describe('two apis and two workers on one Temporal and one PostgreSQL', () => {
  it('a burst spread over both survives the SIGKILL of one api and one worker, once', async () => {
    const started = Date.now();
    // Before the burst, alternately through both apis: what the burst's actions act on.
    const toAssess: string[] = [];
    const toApprove: string[] = [];
    for (let i = 0; i < REQUESTS_TO_ASSESS + REQUESTS_TO_APPROVE; i++) {
      const r = await submitRequirement(staff, contractId, { title: `CLUSTER 需求 ${i}` });
      (i < REQUESTS_TO_ASSESS ? toAssess : toApprove).push(r.id as string);
    }
    for (const [i, id] of toApprove.entries()) {
      await request(apis()[i % 2])
        .post(`/api/requirements/${id}/actions/assess`)
        .set('Authorization', pm)
        .send(assessment())
        .expect(200);
    }
    const changes: string[] = [];
    for (let i = 0; i < CHANGES_TO_REPLY; i++) {
      changes.push((await proposeChange(staff, contractId, { title: `CLUSTER 变更 ${i}` })).id);
    }
    const supervisor = demoCredential('supervisor').email;
    const links: string[] = [];
    for (const id of changes) links.push(replyLinkOf((await replyLinkMails(supervisor, id))[0]));
    const taskIds = await issuedTasks(manager, pm, contractId);
    const notices: string[] = [];
    for (let i = 0; i < NOTICES_TO_IMPORT; i++)
      notices.push(await issueNotice(manager, contractId));

    // The burst: actions, link replies, task starts and imports, then fresh creations.
    let n = 0;
    const ops: Op[] = [
      ...toAssess.map((id) =>
        keyedJson(`assess ${id}`, n++, pm, `/api/requirements/${id}/actions/assess`, assessment()),
      ),
      ...toApprove.map((id) =>
        keyedJson(`approve ${id}`, n++, manager, `/api/requirements/${id}/actions/approve`, {}),
      ),
      ...taskIds.map((id) =>
        keyedJson(
          `start task ${id.slice(0, 8)}`,
          n++,
          pm,
          `/api/security-tasks/${id}/actions/start`,
          {
            note: '集群压测期间开始整改',
          },
        ),
      ),
      ...links.map((path, i): Op => {
        const key = randomUUID();
        return {
          // The link names the first api (PUBLIC_BASE_URL); any api answers it.
          ...spread(`reply by link to ${changes[i]}`, n++, (base) =>
            request(base)
              .post(path)
              .set('Idempotency-Key', key)
              .type('form')
              .send({ decision: 'agree', comment: '监理同意' }),
          ),
          // A link is used once: after a lost answer its resend finds the reply recorded.
          landed: (a, op) => succeeded(a) || (a.status === 410 && triedBefore(op)),
        };
      }),
      ...notices.map((id) => {
        const key = randomUUID();
        return spread(`import into ${id.slice(0, 8)}`, n++, (base) =>
          request(base)
            .post(`/api/security-notices/${id}/reports`)
            .set('Authorization', manager)
            .set('Idempotency-Key', key)
            .attach('file', WEAK_PASSWORDS),
        );
      }),
    ];
    const titles = { requirements: [] as string[], changes: [] as string[] };
    for (let i = 0; i < FRESH_WRITES; i++) {
      const title = `CLUSTER ${i % 2 ? '变更' : '提交'} ${i} ${randomUUID().slice(0, 8)}`;
      if (i % 2 === 0) {
        titles.requirements.push(title);
        ops.push(
          keyedJson(`submit "${title}"`, n++, staff, `/api/contracts/${contractId}/requirements`, {
            title,
            description: '两个 api 进程期间提交。',
            system: 'LIS',
            priority: 'normal',
          }),
        );
      } else {
        titles.changes.push(title);
        ops.push(
          keyedJson(
            `propose "${title}"`,
            n++,
            staff,
            `/api/contracts/${contractId}/change-requests`,
            {
              title,
              description: '两个 api 进程期间提出的变更。',
              changeType: 'modify',
              impact: { scope: '检验系统', schedule: '不影响', cost: '不增加费用' },
            },
          ),
        );
      }
    }

    const api2 = killAndReplace(dataFile('run', 'api-2.pid'));
    const worker2 = killAndReplace(dataFile('run', 'worker-2.pid'));
    const answers: Answer[] = [];
    let killed = false;
    const queue = [...ops];
    const writer = async (): Promise<void> => {
      for (let op = queue.shift(); op; op = queue.shift()) {
        answers.push(await attempt(op));
        if (!killed && answers.length >= KILL_AFTER_ANSWERS) {
          killed = true;
          await Promise.all([api2.inject(), worker2.inject()]);
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    expect(killed).toBe(true);

    // During the burst: a success, a 503 or 409 (its first try still held) saying when to
    // retry, no answer only from the killed api, a used link only after a lost answer.
    const [first, second] = apis();
    const fine = (a: Answer, op: Op): boolean =>
      landed(op, a) ||
      ((a.status === 503 || a.status === 409) && a.retryAfter !== undefined) ||
      (a.status === 0 && a.api === second);
    const wrong = ops.flatMap((op) => (op.answers ?? []).filter((a) => !fine(a, op)));
    expect(wrong).toEqual([]);
    expect(await settle(ops)).toEqual([]);

    // The killed api and worker were replaced by the supervisor; all apis healthy again.
    const healed = await eventually(
      async () =>
        api2.healed() && worker2.healed() && (await healthy(first)) && (await healthy(second)),
      (ok) => ok,
      120_000,
    );
    expect(healed).toBe(true);

    // Every write recorded once.
    const submitted = await createdOnce('requirement', titles.requirements);
    const proposed = await createdOnce('change_request', titles.changes);
    const imported = await importedTasks(notices);
    const requirements = [...toAssess, ...toApprove, ...submitted];
    await expectRecordedOnce(
      { requirements, changes: [...changes, ...proposed], tasks: [...taskIds, ...imported] },
      [...toAssess, ...toApprove],
      taskIds,
    );
    expect(await transitionOnce('requirement_transition', 'requirement_id', 'approve')).toEqual(
      [...toApprove].sort(),
    );
    expect(await supervisorReplies(changes)).toEqual(changes.map(() => 1));
    // The deadline timers: each request's assessment deadline scheduled exactly once, though
    // two workers ran its workflow tasks and one died mid-burst.
    const scheduled = await transitionOnce(
      'requirement_transition',
      'requirement_id',
      'assessment_scheduled',
    );
    expect(scheduled.filter((id) => requirements.includes(id))).toEqual([...requirements].sort());
    const resent = await expectMailedOnce(
      [...requirements, ...changes, ...proposed, ...taskIds, ...imported],
      true,
    );

    // Both apis took writes: the load was spread.
    const byApi = (url: string) => answers.filter((a) => a.api === url && succeeded(a)).length;
    expect([byApi(first) > 0, byApi(second) > 0]).toEqual([true, true]);

    const statuses = (url: string) => {
      const counts: Record<string, number> = {};
      for (const a of ops.flatMap((op) => op.answers ?? []).filter((x) => x.api === url))
        counts[String(a.status)] = (counts[String(a.status)] ?? 0) + 1;
      return JSON.stringify(counts);
    };
    console.log(
      `cluster tier: ${ops.length} writes, ${answers.length} answers in the burst, ${
        ops.flatMap((op) => op.answers ?? []).length
      } with the resends (409 while a cut-off first try still holds its key); api-2 and ` +
        `worker-2 killed after ${KILL_AFTER_ANSWERS} answers`,
    );
    console.table([
      { api: 'api-1 (kept)', answersByStatus: statuses(first) },
      { api: 'api-2 (killed)', answersByStatus: statuses(second) },
    ]);
    console.table({
      requests: requirements.length,
      changes: changes.length + proposed.length,
      'tasks (started + imported)': `${taskIds.length} + ${imported.length}`,
      'transitions and audit events': 'each once',
      'assessment deadlines scheduled': `${requirements.length}, each once`,
      'mails resent under one Message-ID': resent,
      seconds: Math.round((Date.now() - started) / 1000),
    });
  }, 400_000);
});

/** The tasks each notice's one import made: one report per notice, done, and its tasks once. */
async function importedTasks(notices: string[]): Promise<string[]> {
  const reports = await eventually(
    () =>
      withDb(
        async (db) =>
          (
            await db.query<{ notice_id: string; status: string }>(
              `SELECT notice_id::text, status FROM security_report WHERE notice_id::text = ANY($1)`,
              [notices],
            )
          ).rows,
      ),
    (rows) => rows.length === notices.length && rows.every((r) => r.status === 'done'),
    60_000,
  );
  expect(reports.map((r) => [r.notice_id, r.status]).sort()).toEqual(
    [...notices].sort().map((id) => [id, 'done']),
  );
  const tasks = await withDb(
    async (db) =>
      (
        await db.query<{ id: string; notice_id: string }>(
          `SELECT id::text, notice_id::text FROM security_task WHERE notice_id::text = ANY($1)`,
          [notices],
        )
      ).rows,
  );
  expect(tasks).toHaveLength(notices.length * WEAK_PASSWORD_TASKS);
  return tasks.map((t) => t.id);
}

/** The subjects having `action` in `table`, each listed once per transition. */
async function transitionOnce(table: string, column: string, action: string): Promise<string[]> {
  return withDb(async (db) =>
    (
      await db.query<{ id: string }>(
        `SELECT ${column}::text AS id FROM ${table} WHERE action = $1`,
        [action],
      )
    ).rows
      .map((r) => r.id)
      .sort(),
  );
}

/** How many supervisor replies each change has. */
async function supervisorReplies(changes: string[]): Promise<number[]> {
  const rows = await withDb(
    async (db) =>
      (
        await db.query<{ id: string; n: number }>(
          `SELECT change_request_id::text AS id, count(*)::int AS n FROM change_request_transition
           WHERE change_request_id::text = ANY($1) AND action = 'reply' AND party = 'supervisor'
           GROUP BY change_request_id`,
          [changes],
        )
      ).rows,
  );
  return changes.map((id) => rows.find((r) => r.id === id)?.n ?? 0);
}
