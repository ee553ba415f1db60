import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { provisionalSchedule, WorkingDayCalendar } from '@luyue/calendar';
import { DomainError, type Actor } from '@luyue/domain';
import {
  type ChangeAction,
  type ChangePayloads,
  type ChangeRequestInput,
  type ChangeRequestState,
} from '@luyue/change-request/definitions';
import {
  firstChangeState,
  queryChangeState,
  runChangeAction,
  startChangeRequest,
} from '@luyue/change-request';
import type { ChangeTransitionInput } from '@luyue/change-request/definitions';
import {
  hospitalManager,
  proposal,
  supervisor,
  vendorPm,
} from '../fixtures/change-request.fixtures';
import { recordingChangeActivities } from '../helpers/change-activities.fixture';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

// A fictional official schedule for 2027: 国庆 10-01…10-07 off, Saturday 10-09 a working day
// (调休). Proposed on Tuesday 09-28, the 5 working days are 09-29, 09-30, 10-08, 10-09 (Sat) and
// 10-11: the deadline is Monday 10-11 24:00; it lapses at the start of the 6th working day.
const YEAR = 2027;
const official = new WorkingDayCalendar(
  new Map([
    [
      YEAR,
      {
        year: YEAR,
        holidays: [
          ...provisionalSchedule(YEAR).holidays.filter((d) => !d.startsWith('2027-10')),
          ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2027-10-${d}`),
        ].sort(),
        workdays: ['2027-10-09'],
      },
    ],
  ]),
);
const PROPOSED = '2027-09-28T02:00:00.000Z'; // Tue 10:00 Shanghai
const DUE = '2027-10-11T15:59:59.999Z'; // Mon 10-11 24:00 Shanghai
const REMINDERS = ['2027-10-08T01:00:00.000Z', '2027-10-09T01:00:00.000Z']; // 09:00

describe('changeRequestWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function skipTo(iso: string): Promise<void> {
    const ms = Date.parse(iso) - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
  }

  async function until(what: () => boolean | Promise<boolean>, description: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (await what()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${description}`);
  }

  async function withChange(
    input: (id: string, now: string) => ChangeRequestInput,
    body: (c: {
      id: string;
      act: <A extends ChangeAction>(
        action: A,
        actor: Actor,
        payload: ChangePayloads[A],
      ) => Promise<ChangeRequestState>;
      writes: ChangeTransitionInput[];
      effects: string[];
      state: () => Promise<ChangeRequestState>;
    }) => Promise<void>,
  ): Promise<void> {
    const taskQueue = `test-${randomUUID()}`;
    const { writes, effects, activities } = recordingChangeActivities(() => official);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const id = `CHG-${randomUUID()}`;
    await worker.runUntil(async () => {
      const now = new Date(await env.currentTimeMs()).toISOString();
      await startChangeRequest(env.client, taskQueue, input(id, now));
      const handle = env.client.workflow.getHandle(id);
      try {
        await firstChangeState(env.client, id);
        await body({
          id,
          act: (action, actor, payload) =>
            runChangeAction(env.client, id, action, { actor, payload, requestId: randomUUID() }),
          writes,
          effects,
          state: async () => {
            await until(
              async () => (await queryChangeState(env.client, id)).seq >= writes.length,
              'the workflow to apply its writes',
            );
            return queryChangeState(env.client, id);
          },
        });
      } finally {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') await handle.terminate('test over');
      }
    });
  }

  const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  const agree = { decision: 'agree' as const, comment: '', via: 'console' as const };

  it('asks the two other parties for replies, each with a personal link', async () => {
    await withChange(
      (id, now) => proposal(id, now),
      async ({ writes, state }) => {
        const s = await state();
        expect(s.replies.map((r) => [r.party, r.decision])).toEqual([
          ['vendor', null],
          ['supervisor', null],
        ]);
        expect(writes[0]).toMatchObject({ action: 'replies_requested', transitionSeq: 1 });
        expect(writes[0].mails.map((m) => [m.to, m.link?.party])).toEqual([
          [[vendorPm.email], 'vendor'],
          [[supervisor.email], 'supervisor'],
        ]);
      },
    );
  });

  const replan = {
    type: 'replan_requirement' as const,
    requirementId: 'REQ-2026-0001',
    plannedDeliveryDate: '2099-02-01',
  };

  it('rejects at once on one disagreement, and refuses a second reply of a settled party', async () => {
    await withChange(
      (id, now) => proposal(id, now, hospitalManager, { effects: [replan] }),
      async ({ act, writes, effects, state }) => {
        const noComment = await refusal(
          act('reply', vendorPm, { decision: 'disagree', comment: ' ', via: 'console' }),
        );
        expect(noComment.code).toBe('validation_failed');
        expect(writes).toHaveLength(1);
        const after = await act('reply', vendorPm, {
          decision: 'disagree',
          comment: '超出维护范围',
          via: 'console',
        });
        expect(after.status).toBe('rejected');
        expect(writes.map((w) => w.action)).toEqual(['replies_requested', 'reply', 'rejected']);
        // The workflow has ended: no Update reaches it (the api answers 409 from the row).
        const late = await refusal(act('reply', supervisor, agree));
        expect([late.code, late.details?.workflowClosed]).toEqual(['not_found', true]);
        const rejected = await state();
        expect(rejected.status).toBe('rejected');
        // A rejected change applies nothing.
        expect([effects, rejected.effectResults]).toEqual([[], null]);
      },
    );
  });

  it('lets only the proposer withdraw: a colleague of the same party is refused, changing nothing', async () => {
    await withChange(
      (id, now) => proposal(id, now),
      async ({ act, writes, state }) => {
        const colleague: Actor = { ...hospitalManager, userId: randomUUID(), name: '副院长' };
        const refused = await refusal(act('withdraw', colleague, { reason: '不再需要' }));
        expect(refused.code).toBe('forbidden');
        expect(writes.map((w) => w.action)).toEqual(['replies_requested']);
        const withdrawn = await act('withdraw', hospitalManager, { reason: '不再需要' });
        expect(withdrawn.status).toBe('withdrawn');
        expect(writes.map((w) => w.action)).toEqual(['replies_requested', 'withdraw']);
        expect((await state()).withdrawal?.by.userId).toBe(hospitalManager.userId);
      },
    );
  });

  it('is agreed when both receiving parties agree; the proposer cannot reply; effects once after confirmation', async () => {
    await withChange(
      (id, now) =>
        proposal(id, now, hospitalManager, {
          effects: [
            {
              type: 'replan_requirement',
              requirementId: 'REQ-2026-0001',
              plannedDeliveryDate: '2099-02-01',
            },
          ],
        }),
      async ({ act, writes, effects, state }) => {
        expect((await refusal(act('reply', hospitalManager, agree))).code).toBe('invalid_state');
        expect((await refusal(act('confirm', vendorPm, { note: '' }))).code).toBe('invalid_state');
        await act('reply', vendorPm, agree);
        const dup = await refusal(act('reply', vendorPm, agree));
        expect(dup.details).toMatchObject({ party: 'vendor', decision: 'agree' });
        expect((await act('reply', supervisor, agree)).status).toBe('agreed');
        expect((await refusal(act('confirm', supervisor, { note: '' }))).code).toBe('forbidden');
        await act('confirm', vendorPm, { note: '变更确认单已签署' });
        await until(() => writes.some((w) => w.action === 'effects_applied'), 'the effects');
        expect(effects).toHaveLength(1);
        const s = await state();
        expect(s.effectResults).toEqual([expect.objectContaining({ outcome: 'applied' })]);
        expect(writes.map((w) => w.action)).toEqual([
          'replies_requested',
          'reply',
          'reply',
          'agreed',
          'confirm',
          'effects_applied',
        ]);
      },
    );
  });

  it('reminds 2 and 1 working days before, lapses on the 6th working day across 国庆 with 调休, and refuses a late reply', async () => {
    await skipTo(PROPOSED);
    await withChange(
      (id) => proposal(id, PROPOSED, hospitalManager, { effects: [replan] }),
      async ({ act, writes, effects, state }) => {
        const s = await state();
        expect(s.replies.map((r) => [r.dueAt, r.reminderAts, r.provisional])).toEqual([
          [DUE, REMINDERS, false],
          [DUE, REMINDERS, false],
        ]);
        await act('reply', vendorPm, agree);
        await skipTo(new Date(Date.parse(DUE) + 3_600_000).toISOString());
        await until(() => writes.some((w) => w.action === 'lapsed'), 'the lapse');
        const timed = writes.filter((w) => w.actor === null).map((w) => [w.action, w.at]);
        expect(timed.map(([a]) => a)).toEqual([
          'replies_requested',
          'reply_reminder',
          'reply_reminder',
          'lapsed',
        ]);
        const lapsedAt = Date.parse(timed[3][1]);
        expect(lapsedAt - Date.parse(DUE)).toBeGreaterThan(0);
        expect(lapsedAt - Date.parse(DUE)).toBeLessThan(1000);
        // Reminders go only to the silent party (the supervisor), with a fresh link.
        const reminder = writes.find((w) => w.action === 'reply_reminder')!;
        expect(reminder.mails.map((m) => m.to)).toEqual([[supervisor.email]]);
        expect(Date.parse(reminder.at) - Date.parse(REMINDERS[0])).toBeLessThan(1000);
        const lapsed = await state();
        expect([lapsed.status, lapsed.silentParties]).toEqual(['lapsed', ['supervisor']]);
        // A lapsed change applies nothing; its notice reaches all three parties.
        expect([effects, lapsed.effectResults]).toEqual([[], null]);
        const notice = writes.find((w) => w.action === 'lapsed')!;
        expect(new Set(notice.mails.flatMap((m) => m.to))).toEqual(
          new Set([hospitalManager.email, vendorPm.email, supervisor.email]),
        );
        const late = await refusal(act('reply', supervisor, agree));
        expect([late.code, late.details?.workflowClosed]).toEqual(['not_found', true]);
      },
    );
  });
});
