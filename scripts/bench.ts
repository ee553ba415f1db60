// `npm run bench`: throughput on a private embedded stack, each figure next to a baseline
// (plain no-op workflow executions on the same Temporal server) measured in the same run.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { privateStackEnv, startStack } from '@luyue/devstack';
import { measure, report, type BenchResult } from './bench/bench.runner';
import { DEMO_CONTRACT_NUMBER, DEMO_CREDENTIALS_FILE, seedDemo } from './demo-seed';

const TOTAL = Number(process.env.BENCH_OPS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

async function waitForRows(db: PgClient, prefix: string, expected: number): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    const { rows } = await db.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM deadline_record WHERE subject LIKE $1',
      [`${prefix}%`],
    );
    if (Number(rows[0]?.n) >= expected) return;
    if (Date.now() > until) throw new Error(`only ${rows[0]?.n}/${expected} deadlines recorded`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Requests whose workflow has done its first activity (the assessment deadline is written). */
async function waitForAssessmentDeadlines(
  db: PgClient,
  prefix: string,
  expected: number,
): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM requirement
       WHERE title LIKE $1 AND assessment_due_at IS NOT NULL`,
      [`${prefix}%`],
    );
    if (Number(rows[0]?.n) >= expected) return;
    if (Date.now() > until) throw new Error(`only ${rows[0]?.n}/${expected} requests scheduled`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The demo hospital user's token and the demo contract, as a person would reach them. */
async function demoSubmitter(api: string, dataDir: string) {
  const credentials = JSON.parse(
    readFileSync(join(dataDir, DEMO_CREDENTIALS_FILE), 'utf8'),
  ) as Array<{ email: string; password: string; role: string }>;
  const staff = credentials.find((c) => c.role === 'hospital_staff');
  if (!staff) throw new Error('the demo seed wrote no hospital_staff user');
  const login = await fetch(`${api}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: staff.email, password: staff.password }),
  });
  if (!login.ok) throw new Error(`demo login answered ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const authorization = `Bearer ${accessToken}`;
  const contracts = (await (
    await fetch(`${api}/api/contracts`, { headers: { authorization } })
  ).json()) as Array<{ id: string; number: string }>;
  const demo = contracts.find((c) => c.number === DEMO_CONTRACT_NUMBER);
  if (!demo) throw new Error('the demo contract is missing');
  return { authorization, contractId: demo.id };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luyue-bench-'));
  const env = privateStackEnv(process.env, 'warn');
  console.log(`[bench] starting a private stack in ${dataDir}`);
  const stack = await startStack({
    dataDir,
    env,
    startApps: true,
    temporalHeadless: true,
    log: () => undefined,
    afterMigrate: (databaseUrl) => seedDemo(databaseUrl, dataDir, () => undefined),
  });
  const connection = await Connection.connect({ address: stack.urls.temporalAddress });
  const client = new Client({ connection });
  const db = new PgClient({ connectionString: stack.urls.databaseUrl });
  await db.connect();
  const taskQueue = stack.env.TEMPORAL_TASK_QUEUE ?? 'luyue';
  try {
    // Warm-up: JIT, connection pools, the worker's workflow cache.
    await measure('warm-up', 20, 5, () =>
      client.workflow.execute('noopWorkflow', {
        taskQueue,
        workflowId: `bench-warm-${randomUUID()}`,
      }),
    );
    const baseline = await measure(
      `no-op workflow executions (c=${CONCURRENCY})`,
      TOTAL,
      CONCURRENCY,
      () =>
        client.workflow.execute('noopWorkflow', {
          taskQueue,
          workflowId: `bench-noop-${randomUUID()}`,
        }),
    );
    const results: BenchResult[] = [];
    const prefix = `BENCH-${randomUUID().slice(0, 8)}-`;
    results.push(
      await measure(
        `deadline watches started, first activities done`,
        TOTAL,
        CONCURRENCY,
        async (i) => {
          await client.workflow.start('deadlineWatchWorkflow', {
            taskQueue,
            workflowId: `deadline:${prefix}${i}`,
            args: [
              {
                subject: `${prefix}${i}`,
                receivedAt: new Date().toISOString(),
                workingDays: 5,
                reminderLeadDays: 1,
                notify: [],
              },
            ],
          });
        },
        () => waitForRows(db, prefix, TOTAL),
      ),
    );
    const { authorization, contractId } = await demoSubmitter(stack.urls.api, dataDir);
    const submit = (title: string) => async () => {
      const res = await fetch(`${stack.urls.api}/api/contracts/${contractId}/requirements`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ title, description: '压测需求', system: 'HIS', priority: 'normal' }),
      });
      if (res.status !== 201) throw new Error(`submission answered ${res.status}`);
    };
    await measure('warm-up', 10, 5, (i) => submit(`BENCH-WARM-${i}`)());
    const titles = `BENCH-REQ-${randomUUID().slice(0, 8)}-`;
    results.push(
      await measure(
        `requirement submissions (HTTP → first activity)`,
        TOTAL,
        CONCURRENCY,
        (i) => submit(`${titles}${i}`)(),
        () => waitForAssessmentDeadlines(db, titles, TOTAL),
      ),
    );
    console.log(`\n${report(baseline, results)}\n`);
  } finally {
    await db.end();
    await connection.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
