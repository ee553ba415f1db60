// The duty runs the replay tier records: an inspection reminded, breached, recorded late and
// signed by both signers (one from a mailed link); a record refused, recorded again, re-signed,
// with a calendar change on the way; one withdrawn with its plan.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import type { WorkingDayCalendar } from '@luyue/calendar';
import type { Actor } from '@luyue/domain';
import { dutyWorkflowId, type DutyAction, type DutyPayloads } from '@luyue/duty/definitions';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import { dutyWithdrawnSignal } from '@luyue/duty/definitions';
import { runDutyAction, startDuty } from '@luyue/duty';
import { dutyOccurrence, manager, staff, vendorDev } from '../fixtures/duty.fixtures';

interface Ctx {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  calendar: WorkingDayCalendar;
  /** A nominal day of the monthly plan (day 1) ahead of the server's time. */
  key: string;
}

export interface DutyScenario {
  name: string;
  run(ctx: Ctx): Promise<WorkflowHandle>;
}

const DAY = 86_400_000;
const answers = [
  { key: 'cpu', result: 'abnormal' as const, note: '磁盘 93%', files: [] },
  { key: 'backup', result: 'normal' as const, note: '', files: [] },
];

async function start(ctx: Ctx) {
  const id = randomUUID();
  await startDuty(ctx.env.client, ctx.taskQueue, dutyOccurrence(id, ctx.calendar, ctx.key));
  const act = <A extends DutyAction>(action: A, actor: Actor, payload: DutyPayloads[A]) =>
    runDutyAction(ctx.env.client, id, action, { actor, payload });
  return { act, handle: ctx.env.client.workflow.getHandle(dutyWorkflowId(id)) };
}

export const DUTY_SCENARIOS: DutyScenario[] = [
  {
    name: 'breached-recorded-signed',
    async run(ctx) {
      const { act, handle } = await start(ctx);
      await ctx.env.sleep(40 * DAY);
      const hash = 'a'.repeat(64);
      await act('record', vendorDev, { summary: '', answers, reportFiles: [], hash });
      await act('sign', manager, { hash, note: '', via: 'console' });
      await act('sign', staff, { hash, note: '', via: 'link', linkJti: randomUUID() });
      await handle.result();
      return handle;
    },
  },
  {
    name: 'refused-recorded-again-rescheduled',
    async run(ctx) {
      const { act, handle } = await start(ctx);
      await handle.signal(calendarChangedSignal);
      const first = 'b'.repeat(64);
      const second = 'c'.repeat(64);
      await act('record', vendorDev, { summary: '', answers, reportFiles: [], hash: first });
      await act('sign', manager, { hash: first, note: '', via: 'console' });
      await act('refuse', staff, { reason: '缺少处理计划' });
      await act('record', vendorDev, { summary: '已扩容', answers, reportFiles: [], hash: second });
      await act('sign', manager, { hash: second, note: '', via: 'console' });
      await act('sign', staff, { hash: second, note: '', via: 'console' });
      await handle.result();
      return handle;
    },
  },
  {
    name: 'withdrawn-with-its-plan',
    async run(ctx) {
      const { handle } = await start(ctx);
      await handle.signal(dutyWithdrawnSignal, { reason: 'BG-1', changeRequestId: 'BG-1' });
      await handle.result();
      return handle;
    },
  },
];
