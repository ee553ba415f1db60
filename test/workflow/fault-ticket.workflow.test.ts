import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkingDayCalendar } from '@luyue/calendar';
import type { Actor } from '@luyue/domain';
import {
  faultTicketWorkflowId,
  type FaultAction,
  type FaultLevel,
  type FaultPayloads,
  type FaultTicketState,
  type FaultTransitionInput,
  type SlaClock,
} from '@luyue/fault-ticket/definitions';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import {
  firstFaultState,
  queryFaultState,
  runFaultAction,
  startFaultTicket,
} from '@luyue/fault-ticket';
import {
  faultTicket,
  manager,
  staff,
  vendorDev,
  vendorPm,
} from '../fixtures/fault-ticket.fixtures';
import { recordingFaultActivities } from '../helpers/fault-ticket-activities.fixture';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

const MIN = 60_000;
/** Shanghai wall time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('faultTicketWorkflow on the time-skipping server', () => {
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

  interface Ticket {
    act: <A extends FaultAction>(
      action: A,
      actor: Actor,
      payload: FaultPayloads[A],
    ) => Promise<FaultTicketState>;
    writes: FaultTransitionInput[];
    state: () => Promise<FaultTicketState>;
    useCalendar: (calendar: WorkingDayCalendar) => Promise<void>;
  }

  /** A ticket of `level` reported at `reportedAt` (now when null), run on `calendar`. */
  async function withTicket(
    level: FaultLevel,
    reportedAt: string | null,
    body: (t: Ticket) => Promise<void>,
    calendar = new WorkingDayCalendar(),
  ): Promise<void> {
    const taskQueue = `test-${randomUUID()}`;
    let current = calendar;
    const { writes, activities } = recordingFaultActivities(() => current);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const id = randomUUID();
    await worker.runUntil(async () => {
      const now = new Date(await env.currentTimeMs()).toISOString();
      await startFaultTicket(env.client, taskQueue, faultTicket(id, reportedAt ?? now, level));
      const handle = env.client.workflow.getHandle(faultTicketWorkflowId(id));
      try {
        await firstFaultState(env.client, id);
        await body({
          act: (action, actor, payload) =>
            runFaultAction(env.client, id, action, { actor, payload, requestId: randomUUID() }),
          writes,
          state: () => queryFaultState(env.client, id),
          useCalendar: async (c) => {
            current = c;
            await handle.signal(calendarChangedSignal);
          },
        });
      } finally {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') await handle.terminate('test over');
      }
    });
  }

  /** Until the past-due clocks of a ticket reported long ago have fired (a busy run stops badly). */
  async function settled(writes: FaultTransitionInput[], breaches: number): Promise<void> {
    for (let i = 0; i < 400; i++) {
      if (writes.filter((w) => w.action === 'clock_breached').length >= breaches) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the breaches were not recorded');
  }

  const clock = (s: FaultTicketState, kind: SlaClock) => s.clocks.find((c) => c.kind === kind)!;
  const steps = (writes: FaultTransitionInput[]) => writes.map((w) => w.action);

  it('stops counting while paused for the hospital and counts on after resuming', async () => {
    const t0 = sh('2031-03-04T10:00:00');
    await skipTo(t0);
    await withTicket('level_2', null, async ({ act, state }) => {
      const start = Date.parse((await state()).reportedAt);
      await act('acknowledge', vendorDev, { note: '已电话联系' });
      // The vendor's hospital-side pause waits for the hospital: the clocks still run.
      const asked = await act('pause', vendorPm, {
        reason: 'waiting_hospital',
        note: '等待院方停机窗口',
      });
      expect(clock(asked, 'recovery').since).not.toBeNull();
      await skipTo(new Date(start + 20 * MIN).toISOString());
      const stopped = await act('confirm-pause', manager, { note: '同意' });
      expect([clock(stopped, 'recovery').since, clock(stopped, 'recovery').dueAt]).toEqual([
        null,
        null,
      ]);
      await skipTo(new Date(start + 80 * MIN).toISOString());
      const resumed = await act('resume', manager, { note: '' });
      const recovery = clock(resumed, 'recovery');
      // 120 minutes: 20 before the pause, the other 100 from the resume.
      expect(Math.round(recovery.countedMs / 1000)).toBeGreaterThanOrEqual(20 * 60);
      expect(Date.parse(recovery.dueAt!) - Date.parse(resumed.updatedAt)).toBe(
        120 * MIN - recovery.countedMs,
      );
    });
  });

  it('keeps the time already counted when the hospital corrects the level, recording both targets', async () => {
    await skipTo(sh('2031-03-05T10:00:00'));
    await withTicket('level_2', null, async ({ act, state, writes }) => {
      const start = Date.parse((await state()).reportedAt);
      await act('acknowledge', vendorDev, { note: '' });
      await skipTo(new Date(start + 20 * MIN).toISOString());
      const raised = await act('confirm-level', staff, { level: 'level_1', note: '全院挂号中断' });
      const recovery = clock(raised, 'recovery');
      expect([raised.level, recovery.budgetMinutes, recovery.targets.map((t) => t.level)]).toEqual([
        'level_1',
        30,
        ['level_2', 'level_1'],
      ]);
      // 20 of its 30 minutes were used under 二级: due 10 minutes on.
      expect(Date.parse(recovery.dueAt!)).toBe(start + 30 * MIN);
      expect(steps(writes)).toContain('confirm-level');
    });
  });

  it('records a breach once per clock, with its overrun in covered minutes when it stops', async () => {
    await skipTo(sh('2031-03-06T10:00:00'));
    await withTicket('level_1', null, async ({ act, state, writes }) => {
      const start = Date.parse((await state()).reportedAt);
      await skipTo(new Date(start + 15 * MIN).toISOString());
      const acked = await act('acknowledge', vendorPm, { note: '' });
      const response = clock(acked, 'response');
      expect([response.met, response.overrunMinutes, response.breachedAt !== null]).toEqual([
        false,
        5,
        true,
      ]);
      await skipTo(new Date(start + 40 * MIN).toISOString());
      await act('restore', vendorDev, { note: '已切换备机' });
      const breaches = writes
        .filter((w) => w.action === 'clock_breached')
        .map((w) => (w.payload as { clock?: string }).clock);
      expect(breaches).toEqual(['response', 'recovery']);
      expect(clock(await state(), 'recovery').overrunMinutes).toBe(10);
      const warnings = writes
        .filter((w) => w.action === 'clock_warning')
        .map((w) => (w.payload as { clock?: string }).clock);
      // 50 % and 80 % of each budget: response at 5 and 8 minutes, recovery at 15 and 24.
      expect(warnings).toEqual(['response', 'response', 'recovery', 'recovery']);
    });
  });

  it('moves an open working-hours clock when an official calendar year is loaded', async () => {
    // Friday 2031-11-14 16:00 in a provisional year: 90 minutes, then Monday from 08:00.
    await skipTo(sh('2031-11-14T16:00:00'));
    await withTicket(
      'level_3',
      sh('2031-11-14T16:00:00'),
      async ({ state, useCalendar, writes }) => {
        expect(clock(await state(), 'recovery').dueAt).toBe(sh('2031-11-17T10:30:00'));
        const provisional = new WorkingDayCalendar().schedule(2031);
        await useCalendar(
          new WorkingDayCalendar(
            new Map([
              [2031, { ...provisional, workdays: [...provisional.workdays, '2031-11-15'].sort() }],
            ]),
          ),
        );
        for (let i = 0; i < 200 && !steps(writes).includes('clocks_recomputed'); i++) {
          await new Promise((r) => setTimeout(r, 25));
        }
        // The write is recorded before the workflow keeps the state it wrote.
        const moved = sh('2031-11-15T10:30:00');
        let due = clock(await state(), 'recovery').dueAt;
        for (let i = 0; i < 100 && due !== moved; i++) due = clock(await state(), 'recovery').dueAt;
        // Saturday 2031-11-15 now counts: due that morning at 10:30.
        expect(due).toBe(moved);
      },
    );
  });

  it('closes when the hospital signs the report, after a reopen restarts recovery', async () => {
    await skipTo(sh('2031-03-07T10:00:00'));
    await withTicket('level_2', null, async ({ act }) => {
      await act('acknowledge', vendorDev, { note: '' });
      await act('restore', vendorDev, { note: '' });
      expect(
        clock(await act('reopen', staff, { reason: '仍无法打印' }), 'recovery').stoppedAt,
      ).toBeNull();
      await act('restore', vendorDev, { note: '更换打印驱动' });
      await act('resolve', vendorPm, { cause: '驱动版本不兼容', solution: '回退驱动' });
      const file = {
        id: randomUUID(),
        filename: '故障处理报告.pdf',
        contentType: 'application/pdf',
        size: 10,
        sha256: 'b'.repeat(64),
      };
      const submitted = await act('submit-report', vendorPm, { note: '', files: [file] });
      expect(clock(submitted, 'report').met).toBe(true);
      const closed = await act('sign', manager, { note: '确认' });
      expect([closed.status, closed.closedAt !== null]).toEqual(['closed', true]);
    });
  });
  it('counts a 三级 recovery in working hours across the 调休 Sunday and the National Day holiday', async () => {
    // Friday 16:00: 90 minutes that day, Saturday off, the 调休 Sunday 2025-09-28 from 08:00.
    await withTicket('level_3', sh('2025-09-26T16:00:00'), async ({ writes }) => {
      expect(clock(writes[0].state, 'recovery').dueAt).toBe(sh('2025-09-28T10:30:00'));
      expect(clock(writes[0].state, 'response').dueAt).toBe(sh('2025-09-26T17:00:00'));
      await settled(writes, 2);
    });
    // Tuesday 17:00: 30 minutes, then 10-01…10-08 off, Thursday 10-09 from 08:00.
    await withTicket('level_3', sh('2025-09-30T17:00:00'), async ({ writes }) => {
      expect(clock(writes[0].state, 'recovery').dueAt).toBe(sh('2025-10-09T11:30:00'));
      await settled(writes, 2);
    });
  });
});
