// The fault-ticket runs the replay tier records: a 二级 ticket through a confirmed pause, an
// agreed extension and a signed report; a 一级 ticket past its warnings and breaches, raised
// from 二级, reopened once and closed, with a calendar change on the way.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import type { Actor, StoredFileRef } from '@luyue/domain';
import {
  faultTicketWorkflowId,
  type FaultAction,
  type FaultLevel,
  type FaultPayloads,
} from '@luyue/fault-ticket/definitions';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import { firstFaultState, runFaultAction, startFaultTicket } from '@luyue/fault-ticket';
import {
  faultTicket,
  manager,
  staff,
  vendorDev,
  vendorPm,
} from '../fixtures/fault-ticket.fixtures';

interface Ctx {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  reportedAt: string;
}

export interface FaultTicketScenario {
  name: string;
  run(ctx: Ctx): Promise<WorkflowHandle>;
}

const MIN = 60_000;
const report: StoredFileRef = {
  id: '00000000-0000-4000-8000-00000000f002',
  filename: 'report.pdf',
  contentType: 'application/pdf',
  size: 100,
  sha256: 'c'.repeat(64),
};

async function start(ctx: Ctx, level: FaultLevel) {
  const id = randomUUID();
  await startFaultTicket(ctx.env.client, ctx.taskQueue, faultTicket(id, ctx.reportedAt, level));
  await firstFaultState(ctx.env.client, id);
  const act = <A extends FaultAction>(action: A, actor: Actor, payload: FaultPayloads[A]) =>
    runFaultAction(ctx.env.client, id, action, { actor, payload });
  return { act, handle: ctx.env.client.workflow.getHandle(faultTicketWorkflowId(id)) };
}

export const FAULT_TICKET_SCENARIOS: FaultTicketScenario[] = [
  {
    name: 'paused-extended-signed',
    async run(ctx) {
      const { act, handle } = await start(ctx, 'level_2');
      await act('acknowledge', vendorDev, { note: '' });
      await act('pause', vendorPm, { reason: 'waiting_hospital', note: '等待停机窗口' });
      await act('confirm-pause', manager, { note: '' });
      await ctx.env.sleep(30 * MIN);
      await act('resume', staff, { note: '' });
      await act('request-extension', vendorPm, { clock: 'recovery', minutes: 60, reason: '备件' });
      await act('grant-extension', manager, { note: '' });
      await act('restore', vendorDev, { note: '' });
      await act('resolve', vendorPm, { cause: '电源故障', solution: '更换电源' });
      await act('submit-report', vendorPm, { note: '', files: [report] });
      await act('sign', manager, { note: '' });
      await handle.result();
      return handle;
    },
  },
  {
    name: 'raised-breached-reopened',
    async run(ctx) {
      const { act, handle } = await start(ctx, 'level_2');
      await ctx.env.sleep(5 * MIN);
      await act('confirm-level', staff, { level: 'level_1', note: '全院挂号中断' });
      await ctx.env.sleep(10 * MIN);
      await act('acknowledge', vendorDev, { note: '' });
      await handle.signal(calendarChangedSignal);
      await ctx.env.sleep(30 * MIN);
      await act('restore', vendorDev, { note: '' });
      await act('reopen', staff, { reason: '仍无法挂号' });
      await act('restore', vendorDev, { note: '' });
      await act('resolve', vendorPm, { cause: '数据库锁', solution: '终止长事务' });
      await act('submit-report', vendorPm, { note: '', files: [report] });
      await act('sign', staff, { note: '' });
      await handle.result();
      return handle;
    },
  },
];
