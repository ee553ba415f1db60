import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkingDayCalendar } from '@luyue/calendar';
import { addCalendarDays, shanghaiDate, shanghaiDateAt, type Actor } from '@luyue/domain';
import { type RequirementAction, type RequirementPayloads } from '@luyue/requirement/definitions';
import {
  queryRequirementState,
  runRequirementAction,
  firstRequirementState,
  startCustomizationRequest,
} from '@luyue/requirement';
import { actorWith, SUBMITTED } from '../fixtures/requirement.fixtures';
import { awaitSignOffReminders, releaseRequest, runChain } from '../replay/request-scenarios';
import { recordingRequirementActivities } from '../helpers/requirement-activities.fixture';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

const calendar = new WorkingDayCalendar();
const manager = actorWith('hospital_manager', { email: 'manager@hospital.example' });
// Above the ~140 events up to the release, so the first run continues at its first sign-off
// reminder, with no Update near: the time-skipping server can lose the result of an Update whose
// run continues right after it (the real server hands it over to the new run).
const RUN_EVENTS = 150;

describe('customizationRequestWorkflow runs: update-with-start and continue-as-new', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('answers the start with the recorded assessment deadline', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { writes, activities } = recordingRequirementActivities(() => calendar);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const id = `REQ-${randomUUID()}`;
    const receivedAt = new Date(await env.currentTimeMs()).toISOString();
    await worker.runUntil(async () => {
      await startCustomizationRequest(env.client, taskQueue, {
        ...SUBMITTED,
        requirementId: id,
        receivedAt,
      });
      const state = await firstRequirementState(env.client, id);
      const due = calendar.addWorkingDays(new Date(receivedAt), 3).deadline.toISOString();
      expect(state).toMatchObject({ requirementId: id, status: 'assessing', seq: 1 });
      expect(state.deadlines.assessment).toMatchObject({ dueAt: due });
      expect(writes.map((w) => [w.action, w.transitionSeq])).toEqual([['assessment_scheduled', 1]]);
      await env.client.workflow.getHandle(id).terminate('test over');
    });
  });

  it('continues a request waiting for sign-off as new, state and seq intact, and accepts it later', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { writes, activities } = recordingRequirementActivities(() => calendar);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    await worker.runUntil(async () => {
      const receivedAt = await nextFullWeekMonday();
      await skipTo(receivedAt);
      const ctx = { env, taskQueue, receivedAt, writes, calendar, version: 'v2' };
      const r = await releaseRequest(ctx, { continueAsNewAfterEvents: RUN_EVENTS });
      const before = await queryRequirementState(env.client, r.id);
      const releasedIn = (await r.handle.describe()).runId;

      await awaitSignOffReminders(ctx, r.id, 4);
      const runs = await runChain(ctx, r.id);
      expect(runs.length).toBeGreaterThan(1);
      expect(runs[0]).toBe(releasedIn);
      for (const runId of runs.slice(0, -1)) {
        const { status } = await env.client.workflow.getHandle(r.id, runId).describe();
        expect(status.name).toBe('CONTINUED_AS_NEW');
      }
      // Each run stayed near the limit: the history no longer grows with the wait.
      for (const runId of runs) {
        const history = await env.client.workflow.getHandle(r.id, runId).fetchHistory();
        expect(history.events!.length).toBeLessThan(RUN_EVENTS + 40);
      }

      const resumed = await queryRequirementState(env.client, r.id);
      expect(resumed).toMatchObject({
        status: 'released',
        release: before.release,
        loggedPersonDays: before.loggedPersonDays,
        quotaReservedPersonDays: before.quotaReservedPersonDays,
        deadlines: { assessment: before.deadlines.assessment },
      });
      expect(resumed.deadlines.signOff?.remindersSent).toBe(4);

      const accepted = await act(r.id, 'accept', manager, { note: '需求验收通过' });
      expect(accepted).toMatchObject({
        status: 'accepted',
        seq: before.seq + 5,
        loggedPersonDays: before.loggedPersonDays,
      });
      await r.closed();
      expect((await r.handle.describe()).status.name).toBe('COMPLETED');

      // One write per seq, in order; no schedule or mail sent twice by a new run.
      expect(writes.map((w) => w.transitionSeq)).toEqual(writes.map((_, i) => i + 1));
      expect(writes.filter((w) => w.action === 'assessment_scheduled')).toHaveLength(1);
      const reminders = writes.filter((w) => w.action === 'signoff_reminder');
      expect(reminders).toHaveLength(4);
      const keys = writes.flatMap((w) => w.mails.map((m) => m.messageKey));
      expect(new Set(keys).size).toBe(keys.length);
      // Every 3 working days from the release, across the runs.
      let from = before.release!.releasedAt;
      for (const reminder of reminders) {
        const due = calendar.reminderAt(calendar.addWorkingDays(new Date(from), 3).deadline, 0);
        expect(Date.parse(reminder.at) - due.deadline.getTime()).toBeGreaterThanOrEqual(0);
        expect(Date.parse(reminder.at) - due.deadline.getTime()).toBeLessThan(1000);
        from = reminder.at;
      }
    });
  });

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

  async function skipTo(iso: string): Promise<void> {
    const ms = Date.parse(iso) - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
  }

  const act = <A extends RequirementAction>(
    id: string,
    action: A,
    actor: Actor,
    payload: RequirementPayloads[A],
  ) => runRequirementAction(env.client, id, action, { actor, payload, requestId: randomUUID() });
});
