// Scheduled duties: a year of occurrences generated for 20 contracts × 30 plans (weekly reports
// included) with the store's own insert, timed against its limit; then the durable deadlines
// behind them (one workflow per occurrence, started and its timers set) against no-op workflow
// executions of the same run.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@luyue/calendar';
import { addCalendarDays, shanghaiDate } from '@luyue/domain';
import {
  dutyReceivedUpdate,
  dutyWorkflowId,
  initialDutyState,
  type DutyCadence,
  type DutyPlan,
  type DutyState,
} from '@luyue/duty/definitions';
import { dutySlots, DutyStore, startDuty } from '@luyue/duty';
import { runUpdate } from '@luyue/temporal';
import { measure, report } from './bench.runner';

const GENERATE_LIMIT_S = 10;
const RATIO_TARGET = 0.8;

export interface DutyBenchContext {
  api: string;
  db: PgClient;
  client: Client;
  taskQueue: string;
  operator: string;
}

/** A contract's 30 plans: weekly reports, monthly and quarterly inspections, holidays, dates. */
function plansOf(year: { startDate: string }): DutyPlan[] {
  const plan = (cadence: DutyCadence, title: string, time: string | null = null): DutyPlan => ({
    kind: 'inspection',
    customKind: null,
    title,
    systems: ['HIS'],
    cadence,
    windowDays: null,
    deadline: { workingDays: time ? 0 : 3, time },
    reminderWorkingDays: 1,
    checklist: [{ key: 'cpu', text: 'CPU', expected: '< 80%' }],
    signers: ['hospital_manager'],
  });
  const dates = [30, 120, 240].map((d) => addCalendarDays(year.startDate, d));
  return [
    plan({ type: 'weekly', weekday: 5 }, 'weekly report', '12:00'),
    plan({ type: 'weekly', weekday: 1 }, 'weekly backup check'),
    ...Array.from({ length: 12 }, (_, i) => plan({ type: 'monthly', day: i + 1 }, `monthly ${i}`)),
    ...Array.from({ length: 4 }, (_, i) =>
      plan({ type: 'quarterly', month: 3, day: 20 + i }, `q ${i}`),
    ),
    ...Array.from({ length: 4 }, (_, i) => plan({ type: 'times_a_year', times: 4 }, `4x ${i}`)),
    ...[1, 2].map((n) => plan({ type: 'before_holidays', workingDaysBefore: n }, `pre ${n}`)),
    ...[1, 2].map((n) => plan({ type: 'during_holidays' }, `holiday ${n}`)),
    ...Array.from({ length: 4 }, (_, i) => plan({ type: 'dates', dates }, `drill ${i}`)),
  ];
}

async function newContract(ctx: DutyBenchContext, tag: string, start: string): Promise<string> {
  const post = async (path: string, body: object): Promise<{ id: string }> => {
    const res = await fetch(`${ctx.api}${path}`, {
      method: 'POST',
      headers: { authorization: ctx.operator, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const org = (party: string) => post('/api/organizations', { name: `${party} ${tag}`, party });
  const [hospital, vendor, supervisor] = await Promise.all(
    ['hospital', 'vendor', 'supervisor'].map(org),
  );
  const contract = await post('/api/contracts', {
    number: `BENCH-DUTY-${tag}`,
    name: `bench ${tag}`,
    hospitalOrganizationId: hospital.id,
    vendorOrganizationId: vendor.id,
    supervisorOrganizationId: supervisor.id,
    startDate: start,
    endDate: addCalendarDays(start, 364),
  });
  return contract.id;
}

/**
 * (a) A year of occurrences for `contracts` × 30 plans, placed and inserted as the api does;
 * (b) `starts` of their workflows, each until its timers are set, next to no-op executions.
 */
export async function benchDuties(
  ctx: DutyBenchContext,
  contracts: number,
  starts: number,
  concurrency: number,
): Promise<string> {
  // The store's own SQL on the bench's connection (it only ever calls `query`).
  const ds = {
    query: async (sql: string, params?: unknown[]): Promise<unknown[]> =>
      (await ctx.db.query(sql, params)).rows as unknown[],
  } as unknown as DataSource;
  const store = new DutyStore(ds);
  const start = shanghaiDate(Date.now());
  const year = { startDate: start, endDate: addCalendarDays(start, 364) };
  const tag = randomUUID().slice(0, 8);
  const ids = await Promise.all(
    Array.from({ length: contracts }, (_, i) => newContract(ctx, `${tag}-${i}`, start)),
  );
  const plans: Array<{ id: string; contractId: string; plan: DutyPlan }> = [];
  for (const contractId of ids) {
    for (const plan of plansOf(year)) {
      const id = randomUUID();
      await store.insertPlan(id, contractId, plan, 'bench');
      plans.push({ id, contractId, plan });
    }
  }
  const calendar = new WorkingDayCalendar();
  const began = process.hrtime.bigint();
  const states: DutyState[] = [];
  for (const p of plans) {
    const slots = dutySlots(p.plan, year, calendar);
    const numbers = await store.nextNumbers(Number(start.slice(0, 4)), slots.length);
    const made = slots.map((slot, i) =>
      initialDutyState({
        occurrenceId: randomUUID(),
        number: numbers[i],
        contractId: p.contractId,
        contractYear: 1,
        plan: { planId: p.id, ...p.plan },
        slot,
        notify: {},
        createdAt: new Date().toISOString(),
        schedule: p.plan,
        year,
      }),
    );
    await store.insertOccurrences(made);
    states.push(...made);
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const generated = [
    `Duty occurrences for ${contracts} contracts × 30 plans: ${states.length} in ${seconds.toFixed(2)} s`,
    `(${Math.round(states.length / seconds)}/s); limit ${GENERATE_LIMIT_S} s: ${seconds < GENERATE_LIMIT_S ? 'met' : 'NOT met'}`,
  ].join(' ');

  const noop = () =>
    ctx.client.workflow
      .execute('noopWorkflow', {
        taskQueue: ctx.taskQueue,
        workflowId: `bench-noop-${randomUUID()}`,
      })
      .then(() => undefined);
  const n = Math.min(starts, states.length);
  const baseline = await measure('no-op workflow executions (baseline)', n, concurrency, noop);
  const started = await measure('duty workflows started, timers set', n, concurrency, async (i) => {
    const s = states[i];
    await startDuty(ctx.client, ctx.taskQueue, {
      occurrenceId: s.occurrenceId,
      number: s.number,
      contractId: s.contractId,
      contractYear: s.contractYear,
      plan: s.plan,
      slot: s.slot,
      notify: {},
      createdAt: s.updatedAt,
      schedule: plans.find((p) => p.id === s.plan.planId)!.plan,
      year,
    });
    await runUpdate(
      ctx.client.workflow.getHandle(dutyWorkflowId(s.occurrenceId)),
      dutyReceivedUpdate,
      [],
    );
  });
  const ratio = started.perSecond / baseline.perSecond;
  // The bench's workflows wait a year: they are ended so the stack stops at once.
  await Promise.all(
    states
      .slice(0, n)
      .map((s) =>
        ctx.client.workflow.getHandle(dutyWorkflowId(s.occurrenceId)).terminate('bench over'),
      ),
  );
  return [
    generated,
    report([baseline], [started]),
    `Duty workflow starts / no-op executions: ${ratio.toFixed(2)} (target ≥ ${RATIO_TARGET}: ${ratio >= RATIO_TARGET ? 'met' : 'NOT met'})`,
  ].join('\n');
}
