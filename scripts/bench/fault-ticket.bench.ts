// Fault tickets: reports through the api with their first clocks stored, against no-op workflow
// executions of the same run; then an official calendar year loaded over open tickets whose clocks
// fall in it, timed until every open clock was recomputed and written.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import { WorkingDayCalendar, validateYearSchedule } from '@luyue/calendar';
import { coverageMath } from '@luyue/fault-ticket';
import {
  advanceClocks,
  DEFAULT_SLA_POLICY,
  type FaultTicketState,
  type SlaPolicy,
} from '@luyue/fault-ticket/definitions';
import { measure, report, type BenchResult } from './bench.runner';

const RATIO_TARGET = 0.8;
const RECOMPUTE_LIMIT_S = 20;

export interface FaultBenchContext {
  api: string;
  db: PgClient;
  client: Client;
  taskQueue: string;
  contractId: string;
  /** Authorization headers. */
  staff: string;
  manager: string;
  operator: string;
}

type Reported = { id: string; state: { clocks: Array<{ dueAt: string | null }> } };

async function reportFault(ctx: FaultBenchContext, title: string): Promise<string> {
  const res = await fetch(`${ctx.api}/api/contracts/${ctx.contractId}/fault-tickets`, {
    method: 'POST',
    headers: { authorization: ctx.staff, 'content-type': 'application/json' },
    body: JSON.stringify({ system: 'HIS', level: 'level_3', title }),
  });
  if (res.status !== 201) throw new Error(`report answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as Reported;
  // The answer comes once the workflow stored the first clocks: that is the report done.
  if (!body.state.clocks.some((c) => c.dueAt)) throw new Error(`${body.id} has no clock`);
  return body.id;
}

/** (a) Reports at concurrency `c` and 1, each next to no-op executions measured just before. */
export async function benchFaultReports(
  ctx: FaultBenchContext,
  total: number,
  concurrency: number,
  serial: number,
): Promise<string> {
  const noop = () =>
    ctx.client.workflow
      .execute('noopWorkflow', {
        taskQueue: ctx.taskQueue,
        workflowId: `bench-noop-${randomUUID()}`,
      })
      .then(() => undefined);
  const prefix = `BENCH-FAULT-${randomUUID().slice(0, 8)}`;
  await measure('warm-up', 10, 5, (i) => reportFault(ctx, `${prefix}-warm-${i}`).then(() => {}));
  const baselines: BenchResult[] = [];
  const results: BenchResult[] = [];
  for (const [c, n] of [
    [concurrency, total],
    [1, serial],
  ]) {
    baselines.push(await measure('no-op workflow executions (baseline)', n, c, noop));
    results.push(
      await measure('fault reports (HTTP, first clocks stored)', n, c, (i) =>
        reportFault(ctx, `${prefix}-${c}-${i}`).then(() => {}),
      ),
    );
  }
  const ratio = results[0].perSecond / baselines[0].perSecond;
  const verdict = ratio >= RATIO_TARGET ? 'met' : 'NOT MET';
  return [
    'fault tickets: reports through the api against no-op workflow executions',
    report(baselines, results),
    `  reports ÷ no-op at c=${concurrency}: ${results[0].perSecond.toFixed(1)}/s ÷ ${baselines[0].perSecond.toFixed(1)}/s = ${ratio.toFixed(2)} (target ≥ ${RATIO_TARGET}: ${verdict})`,
  ].join('\n');
}

/** Level 3 clocks long enough to run into the next, provisional, year. */
function longPolicy(): SlaPolicy {
  const long = (minutes: number) => ({
    budget: { minutes },
    coverage: 'working_hours',
    warnings: [],
  });
  return {
    ...DEFAULT_SLA_POLICY,
    levels: {
      ...DEFAULT_SLA_POLICY.levels,
      level_3: { response: long(50_000), recovery: long(60_000) },
    },
  };
}

async function send(
  ctx: FaultBenchContext,
  method: string,
  path: string,
  auth: string,
  body: unknown,
) {
  const res = await fetch(`${ctx.api}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

async function recomputed(db: PgClient, ids: string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(DISTINCT ticket_id)::int AS n FROM fault_ticket_transition
     WHERE action = 'clocks_recomputed' AND ticket_id = ANY($1::uuid[])`,
    [ids],
  );
  return rows[0].n;
}

/**
 * (b) `open` tickets whose clocks end in the next year (provisional), then that year's official
 * schedule loaded through the admin route, which signals every open workflow of the processes it
 * knows: timed until each ticket wrote its recomputed clocks. Then the
 * clock arithmetic alone over the same stored states, for scale.
 */
export async function benchCalendarRecompute(
  ctx: FaultBenchContext,
  open: number,
  concurrency: number,
): Promise<string> {
  const year = Number(new Date().toISOString().slice(0, 4)) + 1;
  await send(ctx, 'PUT', `/api/contracts/${ctx.contractId}/sla-policy`, ctx.manager, longPolicy());
  const prefix = `BENCH-OPEN-${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  const created = await measure('open tickets reported', open, concurrency, async (i) => {
    ids.push(await reportFault(ctx, `${prefix}-${i}`));
  });
  // Not the provisional schedule: two Mondays off and no long holidays, so every due moves.
  const schedule = { holidays: [`${year}-01-01`, `${year}-01-04`, `${year}-01-11`], workdays: [] };
  // The route signals every open workflow it knows (fault tickets among them) before answering.
  const started = process.hrtime.bigint();
  const loaded = await send(ctx, 'PUT', `/api/calendar/years/${year}`, ctx.operator, schedule);
  const signalledS = Number(process.hrtime.bigint() - started) / 1e9;
  const signalled = (loaded as { recomputing: number }).recomputing;
  const until = Date.now() + 120_000;
  let done = 0;
  while ((done = await recomputed(ctx.db, ids)) < ids.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const verdict =
    done < ids.length ? `STOPPED: only ${done}` : seconds <= RECOMPUTE_LIMIT_S ? 'met' : 'NOT MET';

  // The arithmetic alone: the stored states' clocks scheduled again on the new calendar.
  const states = await ctx.db.query<{ s: FaultTicketState }>(
    `SELECT workflow_state AS s FROM fault_ticket WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const math = coverageMath(
    new WorkingDayCalendar(new Map([[year, validateYearSchedule(year, { year, ...schedule })]])),
  );
  const now = new Date().toISOString();
  const t0 = process.hrtime.bigint();
  for (const { s } of states.rows) advanceClocks(math, s.clocks, now, []);
  const arithmetic = Number(process.hrtime.bigint() - t0) / 1e9;

  const rate = (n: number, s: number) => `${(n / s).toFixed(0)}/s`;
  return [
    `fault tickets: an official ${year} loaded over ${open} open tickets (clocks due in ${year})`,
    `  tickets reported first          ${created.seconds.toFixed(1).padStart(7)} s  ${rate(open, created.seconds).padStart(8)}`,
    `  load + ${signalled} workflows signalled by the route (${signalledS.toFixed(1)} s) until ${done} recomputed and written`,
    `                                  ${seconds.toFixed(1).padStart(7)} s  ${rate(done, seconds).padStart(8)}  (limit ${RECOMPUTE_LIMIT_S} s: ${verdict})`,
    `  clock arithmetic alone, ${states.rows.length} stored states ${arithmetic.toFixed(3).padStart(7)} s  ${rate(states.rows.length, arithmetic).padStart(8)}`,
  ].join('\n');
}
