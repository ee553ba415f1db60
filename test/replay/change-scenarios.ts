// The change-request runs the replay tier records: agreed with effects to closed, rejected, and
// lapsed after both reminders.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { firstChangeState, runChangeAction, startChangeRequest } from '@luyue/change-request';
import {
  hospitalManager,
  proposal,
  supervisor,
  vendorPm,
} from '../fixtures/change-request.fixtures';

export interface ChangeScenario {
  name: string;
  run(ctx: {
    env: TestWorkflowEnvironment;
    taskQueue: string;
    proposedAt: string;
  }): Promise<WorkflowHandle>;
}

const agree = { decision: 'agree' as const, comment: '', via: 'console' as const };
const note = { note: '' };

async function start(
  ctx: Parameters<ChangeScenario['run']>[0],
  effects = false,
): Promise<{ id: string; handle: WorkflowHandle }> {
  const id = `CHG-${randomUUID()}`;
  await startChangeRequest(
    ctx.env.client,
    ctx.taskQueue,
    proposal(id, ctx.proposedAt, hospitalManager, {
      effects: effects
        ? [
            {
              type: 'replan_requirement',
              requirementId: 'REQ-2026-0001',
              plannedDeliveryDate: '2099-02-01',
            },
          ]
        : [],
    }),
  );
  await firstChangeState(ctx.env.client, id);
  return { id, handle: ctx.env.client.workflow.getHandle(id) };
}

const act = (ctx: Parameters<ChangeScenario['run']>[0], id: string) => ({
  reply: (actor: typeof vendorPm, decision: 'agree' | 'disagree' = 'agree') =>
    runChangeAction(ctx.env.client, id, 'reply', {
      actor,
      payload: decision === 'agree' ? agree : { ...agree, decision, comment: '不同意' },
    }),
  step: (action: 'confirm' | 'start-implementation' | 'close') =>
    runChangeAction(ctx.env.client, id, action, { actor: vendorPm, payload: note }),
});

export const CHANGE_SCENARIOS: ChangeScenario[] = [
  {
    name: 'closed-with-effects',
    async run(ctx) {
      const { id, handle } = await start(ctx, true);
      const a = act(ctx, id);
      await a.reply(vendorPm);
      await a.reply(supervisor);
      await a.step('confirm');
      await runChangeAction(ctx.env.client, id, 'archive', {
        actor: vendorPm,
        payload: {
          note: '',
          documents: [
            {
              id: randomUUID(),
              filename: 'a.txt',
              contentType: 'text/plain',
              size: 1,
              sha256: '0'.repeat(64),
            },
          ],
        },
      }).catch(() => undefined); // refused before start-implementation: recorded as a refusal
      await a.step('start-implementation');
      await runChangeAction(ctx.env.client, id, 'archive', {
        actor: vendorPm,
        payload: {
          note: '',
          documents: [
            {
              id: randomUUID(),
              filename: 'a.txt',
              contentType: 'text/plain',
              size: 1,
              sha256: '0'.repeat(64),
            },
          ],
        },
      });
      await a.step('close');
      await handle.result();
      return handle;
    },
  },
  {
    name: 'rejected',
    async run(ctx) {
      const { id, handle } = await start(ctx);
      await act(ctx, id).reply(vendorPm, 'disagree');
      await handle.result();
      return handle;
    },
  },
  {
    name: 'lapsed-after-reminders',
    async run(ctx) {
      const { id, handle } = await start(ctx);
      await act(ctx, id).reply(supervisor);
      // The time-skipping server jumps through both reminders to the deadline.
      await handle.result();
      return handle;
    },
  },
];
