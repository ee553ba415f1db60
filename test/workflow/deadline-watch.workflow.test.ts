import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { provisionalSchedule, WorkingDayCalendar, type YearSchedule } from '@luyue/calendar';
import type { DeadlineWatchInput, DeadlineWatchStatus } from '@luyue/domain';
import {
  calendarChangedSignal,
  deadlineFulfilledSignal,
  type DeadlineWatchActivities,
} from '@luyue/temporal/definitions';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

/** Real calendar arithmetic; the persistence side effects are recorded with the server's clock. */
function recordingActivities(overrides: Map<number, YearSchedule>) {
  const events: Array<{ kind: string; at: number; input: unknown }> = [];
  const at = (): number => Context.current().info.scheduledTimestampMs;
  const activities: DeadlineWatchActivities = {
    computeDeadline: async ({ receivedAt, workingDays, reminderLeadDays }) => {
      const calendar = new WorkingDayCalendar(overrides);
      const due = calendar.addWorkingDays(new Date(receivedAt), workingDays);
      const reminder =
        reminderLeadDays === null ? null : calendar.reminderAt(due.deadline, reminderLeadDays);
      return {
        deadline: due.deadline.toISOString(),
        provisional: due.provisional,
        reminderAt: reminder ? reminder.deadline.toISOString() : null,
      };
    },
    scheduleDeadline: async (input) => void events.push({ kind: 'schedule', at: at(), input }),
    sendDeadlineReminder: async (input) => void events.push({ kind: 'reminder', at: at(), input }),
    recordDeadlineOutcome: async (input) => void events.push({ kind: 'outcome', at: at(), input }),
  };
  return { events, activities };
}

// Receipts just before a Spring Festival week in years whose schedule is not published, so the
// provisional rules (除夕 to 初三 off) apply. The first one still in the future is used.
const HOLIDAY_WEEKS = [
  {
    receivedAt: '2027-02-04T10:00:00+08:00', // Thu; 02-05 除夕 … 02-08 初三 off
    deadline: '2027-02-15T15:59:59.999Z', // 5th working day: Mon 02-15, 24:00
    reminderAt: '2027-02-12T01:00:00.000Z', // 1 working day before: Fri 02-12 09:00
  },
  {
    receivedAt: '2028-01-24T10:00:00+08:00', // Mon; 01-25 除夕 … 01-28 初三 off
    deadline: '2028-02-04T15:59:59.999Z', // Fri 02-04, 24:00
    reminderAt: '2028-02-03T01:00:00.000Z', // Thu 02-03 09:00
  },
];

describe('deadlineWatchWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function run(
    input: Partial<DeadlineWatchInput> & { receivedAt: string },
    overrides = new Map<number, YearSchedule>(),
    during?: (
      handle: { signal: (...a: never[]) => Promise<void> },
      workflowId: string,
    ) => Promise<void>,
  ) {
    const taskQueue = `test-${randomUUID()}`;
    const { events, activities } = recordingActivities(overrides);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const workflowId = `deadline:test-${randomUUID()}`;
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('deadlineWatchWorkflow', {
        taskQueue,
        workflowId,
        args: [
          {
            subject: 'REQ-TEST',
            workingDays: 5,
            reminderLeadDays: 1,
            notify: ['pm@vendor.example'],
            ...input,
          } satisfies DeadlineWatchInput,
        ],
      });
      if (during) await during(handle as never, workflowId);
      return (await handle.result()) as DeadlineWatchStatus;
    });
    return { result, events };
  }

  /** Moves the server clock forward to `iso` (the server starts at the real time). */
  async function skipTo(iso: string): Promise<void> {
    const ms = Date.parse(iso) - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
  }

  it('counts 5 working days across a holiday week, reminds 1 working day before, breaches at 24:00', async () => {
    const week = HOLIDAY_WEEKS.find((w) => Date.parse(w.receivedAt) > Date.now() + 86_400_000);
    expect(week).toBeDefined();
    await skipTo(week!.receivedAt);
    const { result, events } = await run({ receivedAt: new Date(week!.receivedAt).toISOString() });

    expect(result).toMatchObject({
      outcome: 'breached',
      deadline: week!.deadline,
      provisional: true,
      reminderSent: true,
    });
    expect(events.map((e) => e.kind)).toEqual(['schedule', 'reminder', 'outcome']);
    const reminder = events[1];
    const outcome = events[2];
    expect(reminder.at).toBeGreaterThanOrEqual(Date.parse(week!.reminderAt));
    expect(reminder.at).toBeLessThan(Date.parse(week!.reminderAt) + 60_000);
    expect(outcome.at).toBeGreaterThanOrEqual(Date.parse(week!.deadline));
    expect(outcome.at).toBeLessThan(Date.parse(week!.deadline) + 60_000);
    expect(outcome.input).toMatchObject({ outcome: 'breached', completedAt: null });
  }, 60_000);

  it('reports met when fulfilled before the deadline, without a reminder', async () => {
    const receivedAt = new Date(await env.currentTimeMs()).toISOString();
    const { result, events } = await run(
      { receivedAt, workingDays: 10 },
      undefined,
      async (handle) => {
        await env.sleep(60 * 60_000); // an hour later
        await handle.signal(deadlineFulfilledSignal as never, {} as never);
      },
    );
    expect(result.outcome).toBe('met');
    expect(result.reminderSent).toBe(false);
    expect(events.map((e) => e.kind)).toEqual(['schedule', 'outcome']);
    expect(events[1].input).toMatchObject({ outcome: 'met' });
  }, 60_000);

  it('recomputes when the calendar changes: an official schedule replaces the provisional one', async () => {
    const week = HOLIDAY_WEEKS.find((w) => Date.parse(w.receivedAt) > Date.now() + 86_400_000)!;
    await skipTo(new Date(Date.parse(week.receivedAt) - 3_600_000).toISOString());
    const year = new Date(week.deadline).getUTCFullYear();
    const overrides = new Map<number, YearSchedule>();
    // A (fictional) official schedule that gives the whole following week off as well.
    const extra = Array.from({ length: 5 }, (_, i) => {
      const d = new Date(Date.parse(week.deadline) - (4 - i) * 86_400_000);
      return d.toISOString().slice(0, 10);
    });
    const { result, events } = await run(
      { receivedAt: week.receivedAt, reminderLeadDays: null },
      overrides,
      async (handle) => {
        const holidays = new Set([...provisionalSchedule(year).holidays, ...extra]);
        overrides.set(year, { year, holidays: [...holidays].sort(), workdays: [] });
        await handle.signal(calendarChangedSignal as never);
      },
    );
    expect(result.provisional).toBe(false);
    expect(Date.parse(result.deadline!)).toBeGreaterThan(Date.parse(week.deadline) + 86_400_000);
    expect(events.filter((e) => e.kind === 'schedule')).toHaveLength(2);
    expect(events.at(-1)!.at).toBeGreaterThanOrEqual(Date.parse(result.deadline!));
  }, 60_000);
});
