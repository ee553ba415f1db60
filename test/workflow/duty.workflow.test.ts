import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkingDayCalendar } from '@luyue/calendar';
import type { Actor } from '@luyue/domain';
import {
  dutyWorkflowId,
  type DutyAction,
  type DutyPayloads,
  type DutyState,
  type DutyTransitionInput,
} from '@luyue/duty/definitions';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import { dutyWithdrawnSignal } from '@luyue/duty/definitions';
import { queryDutyState, runDutyAction, startDuty } from '@luyue/duty';
import {
  dutyOccurrence,
  manager,
  MONTHLY_INSPECTION,
  staff,
  vendorDev,
} from '../fixtures/duty.fixtures';
import { recordingDutyActivities } from '../helpers/duty-activities.fixture';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const answers = (cpu: 'normal' | 'abnormal' = 'normal') => [
  { key: 'cpu', result: cpu, note: cpu === 'abnormal' ? '磁盘使用率 93%' : '', files: [] },
  { key: 'backup', result: 'normal' as const, note: '', files: [] },
];

describe('dutyWorkflow on the time-skipping server', () => {
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

  interface Duty {
    act: <A extends DutyAction>(
      action: A,
      actor: Actor,
      payload: DutyPayloads[A],
    ) => Promise<DutyState>;
    writes: DutyTransitionInput[];
    state: () => Promise<DutyState>;
    useCalendar: (calendar: WorkingDayCalendar) => Promise<void>;
    signal: (withdrawal: { reason: string; changeRequestId: string | null }) => Promise<void>;
  }

  async function withDuty(
    key: string,
    body: (d: Duty) => Promise<void>,
    plan = MONTHLY_INSPECTION,
  ): Promise<void> {
    const taskQueue = `test-${randomUUID()}`;
    let current = new WorkingDayCalendar();
    const { writes, activities } = recordingDutyActivities(() => current);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const id = randomUUID();
    await worker.runUntil(async () => {
      await startDuty(env.client, taskQueue, dutyOccurrence(id, current, key, plan));
      const handle = env.client.workflow.getHandle(dutyWorkflowId(id));
      try {
        await body({
          act: (action, actor, payload) =>
            runDutyAction(env.client, id, action, { actor, payload, requestId: randomUUID() }),
          writes,
          state: () => queryDutyState(env.client, id),
          useCalendar: async (c) => {
            current = c;
            await handle.signal(calendarChangedSignal);
          },
          signal: (w) => handle.signal(dutyWithdrawnSignal, w),
        });
      } finally {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') await handle.terminate('test over');
      }
    });
  }

  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    if (!check()) throw new Error('not reached');
  }
  const steps = (writes: DutyTransitionInput[]) => writes.map((w) => w.action);

  it('reminds the vendor the working day before the deadline and records the breach once', async () => {
    await withDuty('2027-03-01', async ({ act, writes, state }) => {
      expect((await state()).slot).toMatchObject({
        dueDay: '2027-03-01',
        recordDueAt: sh('2027-03-04T23:59:59.999'),
        remindAt: sh('2027-03-03T09:00:00'),
      });
      await skipTo(sh('2027-03-03T09:00:01'));
      await until(() => writes.length === 1);
      expect(steps(writes)).toEqual(['reminded']);
      expect(writes[0].mails[0].to).toEqual(['pm@vendor.example', 'dev@vendor.example']);
      await skipTo(sh('2027-03-05T00:00:01'));
      await until(() => writes.length === 2);
      await skipTo(sh('2027-03-20T00:00:00'));
      expect(steps(writes)).toEqual(['reminded', 'breached']);
      expect(writes[1].mails[0].to).toContain('manager@hospital.example');
      // Late, but still owed: recording and signing make it done, its breach kept.
      const hash = 'a'.repeat(64);
      await act('record', vendorDev, { summary: '', answers: answers(), reportFiles: [], hash });
      await act('sign', manager, { hash, note: '', via: 'console' });
      const done = await act('sign', staff, { hash, note: '', via: 'console' });
      expect(done.status).toBe('signed');
      expect(done.breachedAt).toBe(writes[1].state.breachedAt);
    });
  });

  it('needs signing again after the record changes, and refuses a signature of an older record', async () => {
    await withDuty('2027-04-01', async ({ act }) => {
      const first = 'b'.repeat(64);
      const second = 'c'.repeat(64);
      await act('record', vendorDev, {
        summary: '',
        answers: answers(),
        reportFiles: [],
        hash: first,
      });
      const signed = await act('sign', manager, { hash: first, note: '', via: 'link' });
      expect(signed.signatures).toMatchObject([
        { role: 'hospital_manager', hash: first, via: 'link' },
      ]);
      const changed = await act('record', vendorDev, {
        summary: '补充磁盘告警',
        answers: answers('abnormal'),
        reportFiles: [],
        hash: second,
      });
      expect(changed.status).toBe('recorded');
      expect(changed.signatures).toEqual([]);
      await expect(
        act('sign', staff, { hash: first, note: '', via: 'console' }),
      ).rejects.toMatchObject({
        key: 'duty.not_now',
        params: { reason: 'record_changed' },
      });
      await act('sign', staff, { hash: second, note: '', via: 'console' });
      await expect(
        act('sign', staff, { hash: second, note: '', via: 'console' }),
      ).rejects.toMatchObject({
        params: { reason: 'already_signed' },
      });
      const back = await act('refuse', manager, { reason: '异常项未说明处理计划' });
      expect(back).toMatchObject({ status: 'returned', signatures: [] });
      expect(back.refusal?.reason).toBe('异常项未说明处理计划');
    });
  });

  it('refuses a record without an answer for every checklist item, naming the item', async () => {
    await withDuty('2027-05-01', async ({ act, state }) => {
      await expect(
        act('record', vendorDev, {
          summary: '',
          answers: answers().slice(0, 1),
          reportFiles: [],
          hash: 'd'.repeat(64),
        }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      expect((await state()).status).toBe('open');
    });
  });

  it('places the occurrence again when an official calendar year is loaded', async () => {
    await withDuty(
      '2027-06-10',
      async ({ writes, state, useCalendar }) => {
        expect((await state()).slot).toMatchObject({ dueDay: '2027-06-10', provisional: true });
        const official = new WorkingDayCalendar(
          new Map([[2027, { year: 2027, holidays: ['2027-06-10', '2027-06-11'], workdays: [] }]]),
        );
        await useCalendar(official);
        await until(() => writes.some((w) => w.action === 'rescheduled'));
        let slot = (await state()).slot;
        for (let i = 0; i < 100 && slot.dueDay !== '2027-06-14'; i++) slot = (await state()).slot;
        expect(slot).toMatchObject({
          key: '2027-06-10',
          dueDay: '2027-06-14',
          recordDueAt: sh('2027-06-17T23:59:59.999'),
          provisional: false,
        });
      },
      { ...MONTHLY_INSPECTION, cadence: { type: 'monthly', day: 10 } },
    );
  });

  it('withdraws an open occurrence when its plan is replaced, but keeps one already recorded', async () => {
    const reason = { reason: '按项目变更 BG-1 调整', changeRequestId: 'BG-1' };
    await withDuty('2027-07-01', async ({ writes, state, signal }) => {
      await signal(reason);
      await until(() => writes.some((w) => w.action === 'withdrawn'));
      // The write is recorded before the workflow keeps the state it wrote.
      let status = (await state()).status;
      for (let i = 0; i < 100 && status !== 'cancelled'; i++) status = (await state()).status;
      expect(status).toBe('cancelled');
      expect(writes.at(-1)?.mails[0]?.to).toEqual(['pm@vendor.example', 'dev@vendor.example']);
    });
    await withDuty('2027-08-01', async ({ act, writes, state, signal }) => {
      const hash = 'e'.repeat(64);
      await act('record', vendorDev, { summary: '', answers: answers(), reportFiles: [], hash });
      await signal(reason);
      await act('sign', manager, { hash, note: '', via: 'console' });
      expect((await state()).status).toBe('recorded');
      expect(steps(writes)).toEqual(['record', 'sign']);
    });
  });

  it('cancels a holiday duty whose holiday the official calendar does not have', async () => {
    const holidays = { ...MONTHLY_INSPECTION, cadence: { type: 'during_holidays' as const } };
    // The provisional 2027 has the Dragon Boat Festival on 2027-06-09; this official one not.
    await withDuty(
      '2027-06-09',
      async ({ writes, state, useCalendar }) => {
        const official = new WorkingDayCalendar(
          new Map([[2027, { year: 2027, holidays: ['2027-10-01', '2027-10-02'], workdays: [] }]]),
        );
        await useCalendar(official);
        await until(() => writes.some((w) => w.action === 'unscheduled'));
        let status = (await state()).status;
        for (let i = 0; i < 100 && status !== 'cancelled'; i++) status = (await state()).status;
        expect(status).toBe('cancelled');
      },
      holidays,
    );
  });
});
