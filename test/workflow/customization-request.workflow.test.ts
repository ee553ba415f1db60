import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { provisionalSchedule, WorkingDayCalendar } from '@luyue/calendar';
import {
  addCalendarDays,
  endOfShanghaiDate,
  shanghaiDate,
  shanghaiDateAt,
  DomainError,
  type Actor,
} from '@luyue/domain';
import {
  deliverySchedule,
  type CustomizationRequestInput,
  type RequirementAction,
  type RequirementPayloads,
  type RequirementState,
  type QuotaEntry,
} from '@luyue/requirement/definitions';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import {
  queryRequirementState,
  runRequirementAction,
  startCustomizationRequest,
} from '@luyue/requirement';
import type { RequirementTransitionInput } from '@luyue/requirement/definitions';
import { actorWith, SUBMITTED } from '../fixtures/requirement.fixtures';
import { recordingRequirementActivities } from '../helpers/requirement-activities.fixture';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

// The calendar the activities use; a test replaces it to load an official schedule.
let calendar = new WorkingDayCalendar();
const pm = actorWith('vendor_pm', { email: 'pm@vendor.example' });
const dev = actorWith('vendor_dev', { email: 'dev@vendor.example' });
const manager = actorWith('hospital_manager', { email: 'manager@hospital.example' });
const staff = actorWith('hospital_staff', { email: 'staff@hospital.example' });

const assessment = (over: Partial<RequirementPayloads['assess']> = {}) => ({
  kind: 'interface_new' as const,
  feasibility: 'feasible' as const,
  estimatePersonDays: 8,
  plannedDeliveryDate: '2099-01-01',
  solution: '新增医保结算接口，按国家医保平台规范对接',
  ...over,
});

describe('customizationRequestWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  const now = async (): Promise<string> => new Date(await env.currentTimeMs()).toISOString();

  /** Moves the server clock forward to `iso` (the server starts at the real time). */
  async function skipTo(iso: string): Promise<void> {
    const ms = Date.parse(iso) - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
  }

  /** The next Monday 10:00 (Shanghai) at least a day away that starts a full working week. */
  async function nextFullWeekMonday(): Promise<string> {
    let day = addCalendarDays(shanghaiDate(await env.currentTimeMs()), 1);
    for (;;) {
      const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
      const week = [0, 1, 2, 3, 4].map((i) => addCalendarDays(day, i));
      if (monday && week.every((d) => calendar.isWorkingDay(d))) return shanghaiDateAt(day, 10);
      day = addCalendarDays(day, 1);
    }
  }

  /**
   * Starts a request on its own task queue and runs `body` while a worker serves it; the
   * workflow is terminated afterwards if the body left it open, so no timer outlives the test.
   */
  async function withRequest(
    options: {
      receivedAt?: string;
      quotaTotal?: number;
      input?: Partial<CustomizationRequestInput>;
    },
    body: (r: {
      id: string;
      act: <A extends RequirementAction>(
        action: A,
        actor: Actor,
        payload: RequirementPayloads[A],
      ) => Promise<RequirementState>;
      state: () => Promise<RequirementState>;
      writes: RequirementTransitionInput[];
      quota: QuotaEntry[];
      result: () => Promise<RequirementState>;
    }) => Promise<void>,
  ): Promise<void> {
    const taskQueue = `test-${randomUUID()}`;
    const { writes, quota, activities } = recordingRequirementActivities(
      () => calendar,
      options.quotaTotal,
    );
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const id = `REQ-${randomUUID()}`;
    await worker.runUntil(async () => {
      await startCustomizationRequest(env.client, taskQueue, {
        ...SUBMITTED,
        requirementId: id,
        receivedAt: options.receivedAt ?? (await now()),
        ...options.input,
      });
      const handle = env.client.workflow.getHandle(id);
      try {
        await body({
          id,
          act: (action, actor, payload) =>
            runRequirementAction(env.client, id, action, {
              actor,
              payload,
              requestId: randomUUID(),
            }),
          // An activity's write lands before the workflow applies its result: a state read
          // waits until the workflow has caught up with every recorded write.
          state: async () => {
            await until(
              async () => (await queryRequirementState(env.client, id)).seq >= writes.length,
              'the workflow to apply its writes',
            );
            return queryRequirementState(env.client, id);
          },
          writes,
          quota,
          result: async () => {
            // Not handle.result(): it unlocks time skipping, and the test server then jumps to
            // timers the ended workflow left behind, years ahead, for every later test.
            await until(
              async () => (await handle.describe()).status.name === 'COMPLETED',
              'the end',
            );
            return queryRequirementState(env.client, id);
          },
        });
      } finally {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') await handle.terminate('test over');
      }
    });
  }

  /** Waits (in real time) until the worker has written what the server's timers triggered. */
  async function until(what: () => boolean | Promise<boolean>, description: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (await what()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${description}`);
  }

  const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  it('refuses a wrong role (403) and a wrong state (409) without writing or changing anything', async () => {
    await withRequest({}, async ({ act, state, writes }) => {
      await until(() => writes.length === 1, 'the assessment schedule');
      const before = await state();

      const byDeveloper = await refusal(act('assess', dev, assessment()));
      expect(byDeveloper).toMatchObject({
        code: 'forbidden',
        details: { action: 'assess', allowedRoles: ['vendor_pm'] },
      });
      const tooEarly = await refusal(act('approve', manager, {}));
      expect(tooEarly).toMatchObject({
        code: 'invalid_state',
        details: { currentStatus: 'assessing', allowedActions: ['assess', 'cancel'] },
      });
      const pastDate = await refusal(
        act('assess', pm, assessment({ plannedDeliveryDate: '2020-01-01' })),
      );
      expect(pastDate).toMatchObject({
        code: 'validation_failed',
        details: { fields: [{ field: 'plannedDeliveryDate' }] },
      });

      expect(await state()).toEqual(before);
      expect(writes.map((w) => w.action)).toEqual(['assessment_scheduled']);
    });
  });

  it('applies only one of two racing assessments; the other is refused against the new state', async () => {
    await withRequest({}, async ({ act, writes, result }) => {
      const [first, second] = await Promise.allSettled([
        act('assess', pm, assessment({ estimatePersonDays: 8 })),
        act('assess', pm, assessment({ estimatePersonDays: 9 })),
      ]);
      expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
      const lost = [first, second].find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({
        code: 'invalid_state',
        details: { currentStatus: 'awaiting_approval' },
      });
      expect(writes.filter((w) => w.action === 'assess')).toHaveLength(1);

      await act('approve', manager, {});
      const cancelled = await act('cancel', manager, { reason: '预算调整' });
      expect(cancelled).toMatchObject({ status: 'cancelled', quotaReservedPersonDays: 0 });
      expect(writes.at(-1)).toMatchObject({ action: 'cancel', quota: { op: 'release' } });
      expect(await result()).toEqual(cancelled);
      expect(writes.map((w) => w.transitionSeq)).toEqual(writes.map((_, i) => i + 1));

      // An action on an ended request: the api answers 409 from the row's final status.
      const closed = await refusal(act('accept', manager, { note: '' }));
      expect(closed).toMatchObject({ code: 'not_found', details: { workflowClosed: true } });
    });
  });

  it('refuses an approval beyond the remaining quota and keeps awaiting approval', async () => {
    await withRequest({ quotaTotal: 5 }, async ({ act, state, writes, quota }) => {
      await act('assess', pm, assessment({ estimatePersonDays: 8 }));
      const before = await state();

      const exceeded = await refusal(act('approve', manager, {}));
      expect(exceeded).toMatchObject({
        code: 'quota_exceeded',
        details: { remaining: 5, requested: 8, currentStatus: 'awaiting_approval' },
      });
      expect(await state()).toEqual(before);
      expect(quota).toEqual([]);

      // The hospital's explicit decision: paid outside the free quota, recorded, not counted.
      const approved = await act('approve', manager, { quotaDecision: 'outside_quota' });
      expect(approved).toMatchObject({
        status: 'approved',
        seq: before.seq + 1,
        approval: { quotaDecision: 'outside_quota' },
        quotaReservedPersonDays: 0,
      });
      expect(quota).toMatchObject([{ type: 'outside_quota', personDays: 8 }]);

      const rejected = await act('reject', manager, { reason: '改走变更流程' });
      expect(rejected.status).toBe('rejected');
      expect(writes.map((w) => w.action)).toEqual([
        'assessment_scheduled',
        'assess',
        'approve',
        'reject',
      ]);
    });
  });

  it('reminds the vendor a working day before the assessment deadline and breaches on the 4th working day', async () => {
    const receivedAt = await nextFullWeekMonday();
    await skipTo(receivedAt);
    const due = calendar.addWorkingDays(new Date(receivedAt), 3).deadline.toISOString();
    await withRequest({ receivedAt }, async ({ act, writes, state }) => {
      await skipTo(addHours(due, 2));
      await until(() => writes.length === 3, 'reminder and breach');

      const [scheduled, reminder, breach] = writes;
      expect(scheduled).toMatchObject({
        action: 'assessment_scheduled',
        payload: { dueAt: due },
        mails: [{ template: 'requirement-assessment-scheduled', to: ['pm@vendor.example'] }],
      });
      // Mon 10:00 received → due Thu 24:00; reminded Wed 09:00.
      expectAt(reminder.at, shanghaiDateAt(addCalendarDays(shanghaiDate(receivedAt), 2), 9));
      expect(reminder).toMatchObject({
        action: 'assessment_reminder',
        mails: [{ template: 'requirement-assessment-reminder', to: ['pm@vendor.example'] }],
      });
      expect(breach).toMatchObject({
        action: 'assessment_breached',
        breach: { kind: 'assessment_overdue', dueAt: due },
        mails: [
          {
            template: 'requirement-assessment-breached',
            to: ['manager@hospital.example', 'pm@vendor.example'],
          },
        ],
      });
      const breachedAt = breach.at;
      expectAt(breachedAt, new Date(Date.parse(due) + 1).toISOString()); // Fri 00:00
      expect(calendar.workingDaysBetween(new Date(receivedAt), new Date(breachedAt)).days).toBe(4);
      expect((await state()).breaches).toEqual([
        { kind: 'assessment_overdue', dueAt: due, recordedAt: breachedAt },
      ]);

      const late = await act('assess', pm, assessment());
      expect(late.assessment).toMatchObject({ onTime: false });
      await act('cancel', manager, { reason: '已过期' });
    });
  });

  it('reminds the vendor 7 days before the planned date, again after a replan, and records the overdue delivery', async () => {
    const receivedAt = await nextFullWeekMonday();
    await skipTo(receivedAt);
    const planned = addCalendarDays(shanghaiDate(receivedAt), 14);
    const replanned = addCalendarDays(planned, 7);
    const reminderOf = (date: string) => deliverySchedule(date, 7, calendar).reminderAt!;
    await withRequest({ receivedAt }, async ({ act, writes, state }) => {
      await act('assess', pm, assessment({ plannedDeliveryDate: planned }));
      await act('approve', manager, {});
      await act('start-development', dev, {});
      await skipTo(addHours(reminderOf(planned), 1));
      await until(() => writes.some((w) => w.action === 'delivery_reminder'), 'delivery reminder');
      expectAt(writes.at(-1)!.at, reminderOf(planned));
      expect(writes.at(-1)).toMatchObject({
        action: 'delivery_reminder',
        payload: { dueAt: endOfShanghaiDate(planned) },
        mails: [{ template: 'requirement-delivery-reminder', to: ['pm@vendor.example'] }],
      });

      // Announced at least 7 days ahead: not late; the reminder is rescheduled for the new date.
      const moved = await act('replan', pm, {
        plannedDeliveryDate: replanned,
        reason: '院方接口延期',
      });
      expect(moved.replans).toMatchObject([{ from: planned, to: replanned, late: false }]);
      expect(moved.breaches).toEqual([]);
      const overdueAt = Date.parse(endOfShanghaiDate(replanned)) + 1;
      await skipTo(addHours(new Date(overdueAt).toISOString(), 1));
      await until(() => writes.some((w) => w.action === 'delivery_overdue'), 'overdue delivery');

      const timers = writes.filter((w) => w.actor === null);
      expect(timers.map((w) => w.action)).toEqual([
        'assessment_scheduled',
        'delivery_reminder',
        'delivery_reminder',
        'delivery_overdue',
      ]);
      expectAt(timers[2].at, reminderOf(replanned));
      expectAt(timers[3].at, new Date(overdueAt).toISOString());
      expect((await state()).breaches).toMatchObject([{ kind: 'delivery_overdue' }]);
      await act('cancel', manager, { reason: '供应商无法交付' });
    });
  });

  it('a replan writes and answers the new delivery deadline and reminder in its own step', async () => {
    const receivedAt = await nextFullWeekMonday();
    await skipTo(receivedAt);
    const planned = addCalendarDays(shanghaiDate(receivedAt), 14);
    const replanned = addCalendarDays(planned, 7);
    const scheduleOf = (date: string) => ({
      plannedDeliveryDate: date,
      dueAt: endOfShanghaiDate(date),
      reminderAt: deliverySchedule(date, 7, calendar).reminderAt,
    });
    await withRequest({ receivedAt }, async ({ act, writes }) => {
      await act('assess', pm, assessment({ plannedDeliveryDate: planned }));
      const approved = await act('approve', manager, {});
      expect(approved.deadlines.delivery).toMatchObject(scheduleOf(planned));
      const moved = await act('replan', pm, {
        plannedDeliveryDate: replanned,
        reason: '院方接口延期',
      });
      expect(moved.deadlines.delivery).toMatchObject(scheduleOf(replanned));
      const written = writes.find((w) => w.action === 'replan')!;
      expect(written.state.deadlines.delivery).toMatchObject(scheduleOf(replanned));
      await act('cancel', manager, { reason: '供应商无法交付' });
    });
  });

  it('takes a request through every step to acceptance, reminding the hospital to sign off every 3 working days', async () => {
    const receivedAt = await nextFullWeekMonday();
    await skipTo(receivedAt);
    const planned = addCalendarDays(shanghaiDate(receivedAt), 30);
    await withRequest({ receivedAt }, async ({ act, writes, quota, result }) => {
      const step = async <A extends RequirementAction>(
        action: A,
        actor: Actor,
        payload: RequirementPayloads[A],
        hours = 2,
      ) => {
        await env.sleep(hours * 3_600_000);
        return act(action, actor, payload);
      };
      const assessed = await step('assess', pm, assessment({ plannedDeliveryDate: planned }));
      expect(assessed).toMatchObject({ status: 'awaiting_approval', assessment: { onTime: true } });
      await step('approve', manager, {});
      expect(quota).toMatchObject([{ type: 'reserve', personDays: 8 }]);
      await step('start-development', dev, { note: '开始开发' });
      const today = async () => shanghaiDate(await env.currentTimeMs());
      await step('log-effort', dev, { date: await today(), personDays: 2.5, note: '接口开发' });
      await step('log-effort', pm, { date: await today(), personDays: 1, note: '联调' });
      await step('submit-for-testing', dev, { version: 'v1.0.0', notes: '首轮' });
      const failed = await step('fail-testing', staff, { notes: '结算明细字段缺失' });
      expect(failed.status).toBe('in_development');
      await step('log-effort', dev, { date: await today(), personDays: 2, note: '补字段' });
      await step('submit-for-testing', dev, { version: 'v1.0.1', notes: '补齐字段' });
      await step('pass-testing', staff, { notes: 'UAT 通过' });
      await step('replan', pm, {
        plannedDeliveryDate: addCalendarDays(planned, -10),
        reason: '提前上线',
      });
      const released = await step('release', pm, {
        version: 'v1.0.1',
        releaseNotes: '新增医保结算接口',
        rollbackPlan: '回退至 v0.9 并关闭接口开关',
      });
      expect(released.release).toMatchObject({ onTime: true });

      // Reminders at 09:00 on the 3rd, 6th and 9th working days after the release.
      const releasedAt = released.release!.releasedAt;
      const third = (from: string) =>
        calendar.reminderAt(calendar.addWorkingDays(new Date(from), 3).deadline, 0).deadline;
      const expected: string[] = [];
      for (let from = releasedAt; expected.length < 3;) {
        from = third(from).toISOString();
        expected.push(from);
      }
      await skipTo(addHours(expected[2], 1));
      await until(
        () => writes.filter((w) => w.action === 'signoff_reminder').length === 3,
        'three sign-off reminders',
      );
      const reminders = writes.filter((w) => w.action === 'signoff_reminder');
      reminders.forEach((w, i) => expectAt(w.at, expected[i]));
      expect(reminders[0].mails).toEqual([
        {
          messageKey: `${reminders[0].requirementId}:${reminders[0].transitionSeq}:requirement-signoff-reminder`,
          template: 'requirement-signoff-reminder',
          to: ['manager@hospital.example', 'staff@hospital.example'],
        },
      ]);

      const accepted = await act('accept', manager, { note: '需求验收通过' });
      expect(accepted).toMatchObject({
        status: 'accepted',
        loggedPersonDays: 5.5,
        acceptance: { actualPersonDays: 5.5 },
        quotaReservedPersonDays: 0,
      });
      expect(await result()).toEqual(accepted);

      expect(
        writes.filter((w) => w.actor !== null).map((w) => `${w.action}:${w.toStatus}`),
      ).toEqual([
        'assess:awaiting_approval',
        'approve:approved',
        'start-development:in_development',
        'log-effort:in_development',
        'log-effort:in_development',
        'submit-for-testing:in_testing',
        'fail-testing:in_development',
        'log-effort:in_development',
        'submit-for-testing:in_testing',
        'pass-testing:testing_passed',
        'replan:testing_passed',
        'release:released',
        'accept:accepted',
      ]);
      expect(writes.map((w) => w.transitionSeq)).toEqual(writes.map((_, i) => i + 1));
      expect(quota.map((e) => [e.type, e.personDays])).toEqual([
        ['reserve', 8],
        ['release', 8],
        ['consume', 5.5],
      ]);
      const accept = writes.at(-1)!;
      expect(accept).toMatchObject({
        actor: { userId: manager.userId },
        fromStatus: 'released',
        quota: { op: 'consume', personDays: 5.5 },
        mails: [{ to: ['pm@vendor.example', 'staff@hospital.example'] }],
      });
      expect(typeof accept.requestId).toBe('string');
    });
  });

  // Receipts just before a Spring Festival week in years whose schedule is not published, so the
  // provisional rules (除夕 to 初三 off) apply. The first one still in the future is used; these
  // tests run last because the server's clock only moves forward.
  const HOLIDAY_WEEKS = [
    {
      receivedAt: '2027-02-04T10:00:00+08:00', // Thu; 02-05 除夕 … 02-08 初三 off
      dueAt: '2027-02-11T15:59:59.999Z', // 3rd working day: Thu 02-11, 24:00
      reminderAt: '2027-02-10T01:00:00.000Z', // Wed 02-10 09:00
    },
    {
      receivedAt: '2028-01-24T10:00:00+08:00', // Mon; 01-25 除夕 … 01-28 初三 off
      dueAt: '2028-02-02T15:59:59.999Z', // Wed 02-02, 24:00
      reminderAt: '2028-02-01T01:00:00.000Z', // Tue 02-01 09:00
    },
  ];
  let holidayWeek: (typeof HOLIDAY_WEEKS)[number] | undefined;

  /** The week both holiday tests use, with the clock moved to its receipt. */
  async function springFestival(): Promise<(typeof HOLIDAY_WEEKS)[number] & { at: string }> {
    const serverNow = await env.currentTimeMs();
    holidayWeek ??= HOLIDAY_WEEKS.find((w) => Date.parse(w.receivedAt) > serverNow + 3_600_000);
    if (!holidayWeek) throw new Error('no Spring Festival week left in the future: add one');
    const at = new Date(holidayWeek.receivedAt).toISOString();
    await skipTo(at);
    return { ...holidayWeek, at };
  }

  it('recomputes a provisional deadline when the official schedule of the year is loaded', async () => {
    const week = await springFestival();
    // A (fictional) official schedule: the two working days after receipt become days off too.
    const year = Number(shanghaiDate(week.at).slice(0, 4));
    const extra: string[] = [];
    for (let day = shanghaiDate(week.at); extra.length < 2;) {
      day = addCalendarDays(day, 1);
      if (calendar.isWorkingDay(day)) extra.push(day);
    }
    const holidays = [...provisionalSchedule(year).holidays, ...extra].sort();
    const official = new WorkingDayCalendar(new Map([[year, { year, holidays, workdays: [] }]]));
    await withRequest({ receivedAt: week.at }, async ({ id, writes, state }) => {
      await until(() => writes.length === 1, 'the assessment schedule');
      expect((await state()).deadlines.assessment).toMatchObject({
        dueAt: week.dueAt,
        provisional: true,
      });
      calendar = official;
      try {
        await env.client.workflow.getHandle(id).signal(calendarChangedSignal);
        await until(() => writes.length === 2, 'the recomputation');
      } finally {
        calendar = new WorkingDayCalendar();
      }
      const due = official.addWorkingDays(new Date(week.at), 3).deadline.toISOString();
      expect(Date.parse(due) - Date.parse(week.dueAt)).toBeGreaterThanOrEqual(2 * 86_400_000);
      expect(writes[1]).toMatchObject({
        action: 'deadlines_recomputed',
        mails: [],
        state: { deadlines: { assessment: { dueAt: due, provisional: false } } },
      });
      expect((await state()).deadlines.assessment).toMatchObject({
        dueAt: due,
        provisional: false,
      });
    });
  });

  it('counts the assessment period across a Spring Festival week, provisionally', async () => {
    const week = await springFestival();
    await withRequest({ receivedAt: week.at }, async ({ writes, state }) => {
      await until(() => writes.length === 1, 'the assessment schedule');
      expect((await state()).deadlines.assessment).toEqual({
        dueAt: week.dueAt,
        reminderAt: week.reminderAt,
        provisional: true,
        reminderSentAt: null,
        breachedAt: null,
      });
      await skipTo(addHours(week.dueAt, 1));
      await until(() => writes.length === 3, 'reminder and breach');
      expect(writes.map((w) => w.action)).toEqual([
        'assessment_scheduled',
        'assessment_reminder',
        'assessment_breached',
      ]);
      expectAt(writes[1].at, week.reminderAt);
      expectAt(writes[2].at, new Date(Date.parse(week.dueAt) + 1).toISOString());
    });
  });
});

/** A timer's write happens in the workflow task that follows it: within a second, never before. */
function expectAt(actual: string, expected: string): void {
  const late = Date.parse(actual) - Date.parse(expected);
  if (late < 0 || late >= 1000) throw new Error(`written at ${actual}, expected ${expected}`);
}

function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}
