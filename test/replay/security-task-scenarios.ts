// The security-task runs the replay tier records: verified line by line; a failed retest that
// breached its new period before the fix was verified; an accepted risk that expired, a retest
// import, a calendar change and a confirmed false positive.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { addCalendarDays, shanghaiDate, type Actor } from '@luyue/domain';
import {
  type RemediationAction,
  type RemediationPayloads,
  securityTaskWorkflowId,
} from '@luyue/security/definitions';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import {
  firstSecurityTaskState,
  runSecurityTaskAction,
  sendRetestImport,
  startSecurityTask,
} from '@luyue/security';
import {
  manager,
  proofFile,
  securityTask,
  staff,
  vendorDev,
  vendorPm,
} from '../fixtures/security-task.fixtures';

interface Ctx {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  issuedAt: string;
}

export interface SecurityTaskScenario {
  name: string;
  run(ctx: Ctx): Promise<WorkflowHandle>;
}

const DAY = 86_400_000;
const none = { note: '' };
const fix = (assets?: string[]) => ({ note: '已升级并禁用弱算法', proof: [proofFile], assets });

async function start(ctx: Ctx, severity: 'medium' | 'low' = 'medium') {
  const id = randomUUID();
  await startSecurityTask(
    ctx.env.client,
    ctx.taskQueue,
    securityTask(id, ctx.issuedAt, { severity }),
  );
  await firstSecurityTaskState(ctx.env.client, id);
  const act = <A extends RemediationAction>(
    action: A,
    actor: Actor,
    payload: RemediationPayloads[A],
  ) => runSecurityTaskAction(ctx.env.client, id, action, { actor, payload });
  return { id, act, handle: ctx.env.client.workflow.getHandle(securityTaskWorkflowId(id)) };
}

export const SECURITY_TASK_SCENARIOS: SecurityTaskScenario[] = [
  {
    name: 'verified-per-line',
    async run(ctx) {
      const { act, handle } = await start(ctx);
      await act('start', vendorDev, none);
      await act('fix', vendorDev, fix(['L1']));
      await act('fix', vendorDev, fix(['L2']));
      await act('request-retest', vendorPm, none);
      await act('verify', vendorPm, none).catch(() => undefined); // refused: a vendor
      await act('verify', staff, { note: '', assets: ['L1'] });
      await act('verify', manager, { note: '', assets: ['L2'] });
      await handle.result();
      return handle;
    },
  },
  {
    name: 'failed-retest-breached-then-verified',
    async run(ctx) {
      const { act, handle } = await start(ctx);
      await act('fix', vendorDev, fix());
      await act('request-retest', vendorPm, none);
      await act('fail-retest', staff, { reason: '仍可检测到弱算法' });
      // Through the new period's reminder and breach.
      await ctx.env.sleep(20 * DAY);
      await act('fix', vendorDev, fix());
      await act('request-retest', vendorPm, none);
      await act('verify', manager, none);
      await handle.result();
      return handle;
    },
  },
  {
    name: 'risk-expired-then-false-positive',
    async run(ctx) {
      const { id, act, handle } = await start(ctx, 'low');
      const expiresOn = addCalendarDays(shanghaiDate(ctx.issuedAt), 10);
      await act('accept-risk', manager, { reason: '内网隔离', expiresOn });
      await ctx.env.sleep(12 * DAY);
      await handle.signal(calendarChangedSignal);
      await sendRetestImport(ctx.env.client, id, {
        importId: `IMP-${randomUUID()}`,
        lines: [{ lineId: 'L1', present: false }],
      });
      await act('propose-false-positive', vendorPm, { reason: '10.0.0.2 已下线' });
      await act('confirm-false-positive', manager, none);
      await handle.result();
      return handle;
    },
  },
];
