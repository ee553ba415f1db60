// The customization-request runs the history recorder replays later: one per way a request ends,
// plus the timers (reminders, breach) and a calendar change.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkingDayCalendar } from '@luyue/calendar';
import { addCalendarDays, shanghaiDate, type Actor } from '@luyue/domain';
import { type RequirementAction, type RequirementPayloads } from '@luyue/requirement/definitions';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import {
  queryRequirementState,
  runRequirementAction,
  startCustomizationRequest,
  firstRequirementState,
} from '@luyue/requirement';
import type { RequirementTransitionInput } from '@luyue/requirement/definitions';
import { actorWith, SUBMITTED } from '../fixtures/requirement.fixtures';

export interface ScenarioContext {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  receivedAt: string;
  writes: RequirementTransitionInput[];
  calendar: WorkingDayCalendar;
  /** The version being recorded: a scenario uses what that version of the code offers. */
  version: string;
}

export interface RequestScenario {
  name: string;
  /** Runs the request to its end; `runIds` lists every run to record (one unless continued). */
  run(ctx: ScenarioContext): Promise<{ handle: WorkflowHandle; runIds: (string | undefined)[] }>;
}

const pm = actorWith('vendor_pm', { email: 'pm@vendor.example' });
const dev = actorWith('vendor_dev', { email: 'dev@vendor.example' });
const manager = actorWith('hospital_manager', { email: 'manager@hospital.example' });
const staff = actorWith('hospital_staff', { email: 'staff@hospital.example' });

const assessment = (plannedDeliveryDate: string) => ({
  kind: 'interface_new' as const,
  feasibility: 'feasible' as const,
  estimatePersonDays: 8,
  plannedDeliveryDate,
  solution: '新增医保结算接口，按国家医保平台规范对接',
});

/** Waits (in real time) until the worker has written what the server's timers triggered. */
export async function until(what: () => boolean | Promise<boolean>, description: string) {
  for (let i = 0; i < 400; i++) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${description}`);
}

/** `firstState`: then asked for the first state with the `received` Update (v2 on), as the api does. */
export async function startRequest(ctx: ScenarioContext, input: object = {}, firstState = false) {
  const id = `REQ-${randomUUID()}`;
  const submission = { ...SUBMITTED, requirementId: id, receivedAt: ctx.receivedAt, ...input };
  await startCustomizationRequest(ctx.env.client, ctx.taskQueue, submission);
  if (firstState) await firstRequirementState(ctx.env.client, id);
  const handle = ctx.env.client.workflow.getHandle(id);
  const act = <A extends RequirementAction>(
    action: A,
    actor: Actor,
    payload: RequirementPayloads[A],
  ) => runRequirementAction(ctx.env.client, id, action, { actor, payload, requestId: id });
  // Not handle.result(): it unlocks time skipping and the server jumps to the ended run's timers.
  const closed = () =>
    until(async () => (await handle.describe()).status.name !== 'RUNNING', 'the end');
  return { id, handle, act, closed };
}

/** Assessed, approved, developed, tested (once failed), released, reminded to sign off twice. */
export async function releaseRequest(ctx: ScenarioContext, input: object = {}, firstState = false) {
  const r = await startRequest(ctx, input, firstState);
  const today = async () => shanghaiDate(await ctx.env.currentTimeMs());
  await r.act('assess', pm, assessment(addCalendarDays(shanghaiDate(ctx.receivedAt), 30)));
  await r.act('approve', manager, {});
  await r.act('start-development', dev, { note: '开始开发' });
  await r.act('log-effort', dev, { date: await today(), personDays: 2.5, note: '接口开发' });
  await r.act('submit-for-testing', dev, { version: 'v1.0.0', notes: '首轮' });
  await r.act('fail-testing', staff, { notes: '结算明细字段缺失' });
  await r.act('submit-for-testing', dev, { version: 'v1.0.1', notes: '补齐字段' });
  await r.act('pass-testing', staff, { notes: 'UAT 通过' });
  await r.act('release', pm, {
    version: 'v1.0.1',
    releaseNotes: '新增医保结算接口',
    rollbackPlan: '回退至 v0.9 并关闭接口开关',
  });
  return r;
}

/** Moves the clock past the next `count` sign-off reminders, one at a time. */
export async function awaitSignOffReminders(ctx: ScenarioContext, id: string, count: number) {
  const sent = () => ctx.writes.filter((w) => w.action === 'signoff_reminder').length;
  const first = sent() + 1;
  for (let target = first; target < first + count; target++) {
    let next: string | null = null;
    await until(async () => {
      const state = await queryRequirementState(ctx.env.client, id);
      next = state.deadlines.signOff?.nextReminderAt ?? null;
      return next !== null && Date.parse(next) > (await ctx.env.currentTimeMs());
    }, 'the next sign-off reminder to be scheduled');
    await ctx.env.sleep(Date.parse(next!) + 3_600_000 - (await ctx.env.currentTimeMs()));
    await until(() => sent() >= target, 'a sign-off reminder');
  }
}

/** The runs of a workflow id, oldest first, followed back from the latest through continue-as-new. */
export async function runChain(ctx: ScenarioContext, id: string): Promise<string[]> {
  const runs: string[] = [];
  let runId: string | undefined = (await ctx.env.client.workflow.getHandle(id).describe()).runId;
  while (runId) {
    runs.unshift(runId);
    const history: {
      events?: Array<{
        workflowExecutionStartedEventAttributes?: {
          continuedExecutionRunId?: string | null;
        } | null;
      }> | null;
    } = await ctx.env.client.workflow.getHandle(id, runId).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    runId = started?.continuedExecutionRunId || undefined;
  }
  return runs;
}

const once = (handle: WorkflowHandle) => ({ handle, runIds: [undefined] });

export const SCENARIOS: RequestScenario[] = [
  {
    name: 'accepted',
    async run(ctx) {
      const r = await releaseRequest(ctx);
      await awaitSignOffReminders(ctx, r.id, 2);
      await r.act('accept', manager, { note: '需求验收通过' });
      await r.closed();
      return once(r.handle);
    },
  },
  {
    // Continues at its first sign-off reminder (above the events up to the release: ~140 with
    // remote activities, ~75 with local ones from v3 on), then is reminded again and accepted in
    // the second run.
    name: 'continued-as-new',
    async run(ctx) {
      const limit = ctx.version === 'v1' || ctx.version === 'v2' ? 150 : 85;
      const r = await releaseRequest(ctx, { continueAsNewAfterEvents: limit });
      await awaitSignOffReminders(ctx, r.id, 2);
      await r.act('accept', manager, { note: '需求验收通过' });
      await r.closed();
      const runIds = await runChain(ctx, r.id);
      if (runIds.length < 2) throw new Error('the request did not continue as new');
      return { handle: r.handle, runIds };
    },
  },
  {
    name: 'rejected',
    async run(ctx) {
      const r = await startRequest(ctx, {}, ctx.version !== 'v1');
      await r.act('assess', pm, assessment(addCalendarDays(shanghaiDate(ctx.receivedAt), 30)));
      await r.act('reject', manager, { reason: '改走变更流程' });
      await r.closed();
      return once(r.handle);
    },
  },
  {
    name: 'cancelled-after-calendar-change',
    async run(ctx) {
      const r = await startRequest(ctx);
      await r.act('assess', pm, assessment(addCalendarDays(shanghaiDate(ctx.receivedAt), 30)));
      await r.act('approve', manager, {});
      const computed = ctx.writes.length;
      await r.handle.signal(calendarChangedSignal);
      // The same calendar: recomputed, nothing moved, nothing written.
      await new Promise((res) => setTimeout(res, 500));
      if (ctx.writes.length !== computed) throw new Error('a calendar change without change wrote');
      await r.act('cancel', manager, { reason: '预算调整' });
      await r.closed();
      return once(r.handle);
    },
  },
  {
    name: 'assessment-breached',
    async run(ctx) {
      const r = await startRequest(ctx);
      const due = ctx.calendar.addWorkingDays(new Date(ctx.receivedAt), 3).deadline;
      await ctx.env.sleep(due.getTime() + 7_200_000 - (await ctx.env.currentTimeMs()));
      await until(() => ctx.writes.length === 3, 'reminder and breach');
      await r.act('assess', pm, assessment(addCalendarDays(shanghaiDate(ctx.receivedAt), 30)));
      await r.act('cancel', manager, { reason: '已过期' });
      await r.closed();
      return once(r.handle);
    },
  },
];
