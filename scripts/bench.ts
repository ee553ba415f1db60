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
import { BENCH_SAMPLES, addCalendarDays, shanghaiDate } from '@luyue/domain';
import { measure, report, type BenchResult } from './bench/bench.runner';
import { benchCoverageClock } from './bench/coverage-clock.bench';
import {
  benchCalendarRecompute,
  benchFaultReports,
  type FaultBenchContext,
} from './bench/fault-ticket.bench';
import { benchSecurityImport } from './bench/security-import.bench';
import { benchDuties } from './bench/duty.bench';
import { DEMO_CONTRACT_NUMBER, DEMO_CREDENTIALS_FILE, seedDemo } from './demo-seed';

const TOTAL = Number(process.env.BENCH_OPS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
/** Operations of each serial (concurrency 1) latency run. */
const SERIAL_OPS = Number(process.env.BENCH_SERIAL_OPS ?? 30);
/** `security` runs only the security import figures, `clock` only the coverage clock, `fault` only fault tickets, `duty` only scheduled duties. */
const ONLY = process.env.BENCH_ONLY;
/** Open fault tickets an official calendar year is loaded over. */
const FAULT_OPEN = Number(process.env.BENCH_FAULT_OPEN ?? 2000);
/** Contracts (30 duty plans each) a year of occurrences is generated for, and workflows started. */
const DUTY_CONTRACTS = Number(process.env.BENCH_DUTY_CONTRACTS ?? 20);
const DUTY_STARTS = Number(process.env.BENCH_DUTY_STARTS ?? 500);
/** The goal for every action at concurrency 1. */
const ACTION_P99_LIMIT_MS = 200;

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

type DemoRole = 'hospital_staff' | 'hospital_manager' | 'vendor_pm' | 'vendor_dev';

/** The demo users' tokens and the demo contract, as people would reach them. */
async function demoSession(api: string, dataDir: string) {
  const credentials = JSON.parse(
    readFileSync(join(dataDir, DEMO_CREDENTIALS_FILE), 'utf8'),
  ) as Array<{ email: string; password: string; role: string }>;
  const tokens = {} as Record<DemoRole, string>;
  for (const role of ['hospital_staff', 'hospital_manager', 'vendor_pm', 'vendor_dev'] as const) {
    const user = credentials.find((c) => c.role === role);
    if (!user) throw new Error(`the demo seed wrote no ${role} user`);
    const login = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    if (!login.ok) throw new Error(`demo login answered ${login.status}`);
    tokens[role] = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
  }
  const contracts = (await (
    await fetch(`${api}/api/contracts`, { headers: { authorization: tokens.hospital_staff } })
  ).json()) as Array<{ id: string; number: string }>;
  const demo = contracts.find((c) => c.number === DEMO_CONTRACT_NUMBER);
  if (!demo) throw new Error('the demo contract is missing');
  return { tokens, contractId: demo.id };
}

const inDays = (days: number): string => addCalendarDays(shanghaiDate(Date.now()), days);

/** The actions of one request from assessment to sign-off, each by its role. */
const ACTIONS: Array<[action: string, role: DemoRole, payload: () => object]> = [
  [
    'assess',
    'vendor_pm',
    () => ({
      kind: 'customization',
      feasibility: 'feasible',
      estimatePersonDays: 2,
      plannedDeliveryDate: inDays(60),
      solution: BENCH_SAMPLES.solution,
    }),
  ],
  ['approve', 'hospital_manager', () => ({})],
  ['start-development', 'vendor_dev', () => ({})],
  [
    'log-effort',
    'vendor_dev',
    () => ({ date: inDays(0), personDays: 1, note: BENCH_SAMPLES.effortNote }),
  ],
  ['submit-for-testing', 'vendor_dev', () => ({ version: 'v1', notes: '' })],
  ['pass-testing', 'hospital_staff', () => ({ notes: BENCH_SAMPLES.testPassedNotes })],
  [
    'release',
    'vendor_pm',
    () => ({
      version: 'v1',
      releaseNotes: BENCH_SAMPLES.releaseNotes,
      rollbackPlan: BENCH_SAMPLES.rollbackPlan,
    }),
  ],
  ['accept', 'hospital_manager', () => ({ note: BENCH_SAMPLES.acceptanceNote })],
];

async function main(): Promise<void> {
  // Pure arithmetic, so measured before the stack's processes share the cores.
  if (ONLY === undefined || ONLY === 'clock') console.log(`\n${benchCoverageClock()}\n`);
  if (ONLY === 'clock') return;
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
    const faultBench = async (): Promise<void> => {
      const { tokens, contractId } = await demoSession(stack.urls.api, dataDir);
      const ctx: FaultBenchContext = {
        api: stack.urls.api,
        db,
        client,
        taskQueue,
        contractId,
        staff: tokens.hospital_staff,
        manager: tokens.hospital_manager,
        operator: `Bearer ${stack.env.ADMIN_TOKEN}`,
      };
      console.log(`\n${await benchFaultReports(ctx, TOTAL, CONCURRENCY, SERIAL_OPS)}\n`);
      // BENCH_FAULT_OPEN=0 leaves the calendar part out.
      if (FAULT_OPEN > 0)
        console.log(`${await benchCalendarRecompute(ctx, FAULT_OPEN, CONCURRENCY)}\n`);
    };
    if (ONLY === 'fault') {
      await faultBench();
      return;
    }
    const dutyBench = async (): Promise<void> => {
      const operator = `Bearer ${stack.env.ADMIN_TOKEN}`;
      const ctx = { api: stack.urls.api, db, client, taskQueue, operator };
      console.log(`\n${await benchDuties(ctx, DUTY_CONTRACTS, DUTY_STARTS, CONCURRENCY)}\n`);
    };
    if (ONLY === 'duty') {
      await dutyBench();
      return;
    }
    if (ONLY === 'security') {
      const { tokens, contractId } = await demoSession(stack.urls.api, dataDir);
      console.log(
        `\n${await benchSecurityImport({ api: stack.urls.api, dataDir, db, contractId, manager: tokens.hospital_manager })}\n`,
      );
      return;
    }
    // Warm-up: JIT, connection pools, the worker's workflow cache.
    await measure('warm-up', 20, 5, () =>
      client.workflow.execute('noopWorkflow', {
        taskQueue,
        workflowId: `bench-warm-${randomUUID()}`,
      }),
    );
    const noop = () =>
      client.workflow
        .execute('noopWorkflow', { taskQueue, workflowId: `bench-noop-${randomUUID()}` })
        .then(() => undefined);
    const baselines = [
      await measure('no-op workflow executions (baseline)', TOTAL, CONCURRENCY, noop),
      await measure('no-op workflow executions (baseline)', SERIAL_OPS, 1, noop),
    ];
    const results: BenchResult[] = [];
    const prefix = `BENCH-${randomUUID().slice(0, 8)}-`;
    results.push(
      await measure(
        'deadline watches started, first activities done',
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
    const { tokens, contractId } = await demoSession(stack.urls.api, dataDir);
    const submit = async (title: string): Promise<string> => {
      const res = await fetch(`${stack.urls.api}/api/contracts/${contractId}/requirements`, {
        method: 'POST',
        headers: { authorization: tokens.hospital_staff, 'content-type': 'application/json' },
        body: JSON.stringify({
          title,
          description: BENCH_SAMPLES.requirementDescription,
          system: 'HIS',
          priority: 'normal',
        }),
      });
      const body = (await res.json()) as { id: string; assessmentDueAt: string | null };
      if (res.status !== 201) throw new Error(`submission answered ${res.status}`);
      // The answer itself carries the first deadline: that is the submission done.
      if (!body.assessmentDueAt) throw new Error(`${body.id} answered without its deadline`);
      return body.id;
    };
    await measure('warm-up', 10, 5, async (i) => void (await submit(`BENCH-WARM-${i}`)));
    const ids: Record<number, string[]> = { [CONCURRENCY]: [], 1: [] };
    for (const c of [CONCURRENCY, 1]) {
      const n = c === 1 ? SERIAL_OPS : TOTAL;
      const titles = `BENCH-REQ-${c}-${randomUUID().slice(0, 8)}-`;
      results.push(
        await measure(
          'requirement submissions (HTTP, first deadline stored)',
          n,
          c,
          async (i) => void ids[c].push(await submit(`${titles}${i}`)),
          () => waitForAssessmentDeadlines(db, titles, n),
        ),
      );
    }
    for (const [action, role, payload] of ACTIONS) {
      for (const c of [CONCURRENCY, 1]) {
        results.push(
          await measure(`  action ${action} (HTTP)`, ids[c].length, c, async (i) => {
            const res = await fetch(
              `${stack.urls.api}/api/requirements/${ids[c][i]}/actions/${action}`,
              {
                method: 'POST',
                headers: { authorization: tokens[role], 'content-type': 'application/json' },
                body: JSON.stringify(payload()),
              },
            );
            if (res.status !== 200) {
              throw new Error(`${action} answered ${res.status}: ${await res.text()}`);
            }
          }),
        );
      }
    }
    console.log(`\n${report(baselines, results, ACTION_P99_LIMIT_MS)}\n`);
    await faultBench();
    await dutyBench();
    const security = await benchSecurityImport({
      api: stack.urls.api,
      dataDir,
      db,
      contractId,
      manager: tokens.hospital_manager,
    });
    console.log(`${security}\n`);
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
