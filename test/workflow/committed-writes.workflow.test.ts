import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { WorkingDayCalendar } from '@luyue/calendar';
import {
  firstRequirementState,
  runRequirementAction,
  startCustomizationRequest,
} from '@luyue/requirement';
import type { RequirementTransitionInput } from '@luyue/requirement/definitions';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-bundle.options';
import { actorWith, SUBMITTED } from '../fixtures/requirement.fixtures';
import { recordingRequirementActivities } from '../helpers/requirement-activities.fixture';
import { createTimeSkippingEnv, quietLogger } from '../helpers/time-skipping.env';

const ROOT = join(__dirname, '..', '..');
const calendar = new WorkingDayCalendar();
const pm = actorWith('vendor_pm', { email: 'pm@vendor.example' });
const manager = actorWith('hospital_manager', { email: 'manager@hospital.example' });

describe('writes stand only when history records them', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('a workflow task failing right after the approve write leaves that write once, as history says', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { writes, activities } = recordingRequirementActivities(() => calendar);
    // Every execution of the write, also one a failed workflow task ran and history never saw.
    const executed: RequirementTransitionInput[] = [];
    const persist = activities.persistRequirementTransition;
    let failures = 0;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({
        ...workflowBundleOptions(ROOT),
        workflowInterceptorModules: [require.resolve('../helpers/fail-after-write.interceptor')],
        logger: quietLogger,
      }),
      activities: {
        ...activities,
        persistRequirementTransition: (input: RequirementTransitionInput) => {
          executed.push(input);
          return persist(input);
        },
        failTaskAfterWrite: (_type: string, action: string) =>
          Promise.resolve(action === 'approve' && failures++ === 0),
      },
    });
    const id = `REQ-${randomUUID()}`;
    await worker.runUntil(async () => {
      await startCustomizationRequest(env.client, taskQueue, {
        ...SUBMITTED,
        requirementId: id,
        receivedAt: new Date(await env.currentTimeMs()).toISOString(),
      });
      await firstRequirementState(env.client, id);
      await runRequirementAction(env.client, id, 'assess', {
        actor: pm,
        payload: {
          kind: 'interface_new',
          feasibility: 'feasible',
          estimatePersonDays: 8,
          plannedDeliveryDate: '2099-01-01',
          solution: '新增医保结算接口',
        },
        requestId: randomUUID(),
      });
      const approved = await runRequirementAction(env.client, id, 'approve', {
        actor: manager,
        payload: {},
        requestId: randomUUID(),
      });
      expect(approved).toMatchObject({ status: 'approved', seq: 3 });
      await env.client.workflow.getHandle(id).terminate('test over');
    });

    expect(failures).toBeGreaterThanOrEqual(2); // the task failed once, then passed
    // The approval was written once: no write ran in the task that failed and was run again.
    expect(executed.map((w) => [w.transitionSeq, w.action])).toEqual([
      [1, 'assessment_scheduled'],
      [2, 'assess'],
      [3, 'approve'],
    ]);
    expect(writes).toEqual(executed);
    const history = await env.client.workflow.getHandle(id).fetchHistory();
    const failedTasks = history.events!.filter((e) => e.workflowTaskFailedEventAttributes);
    expect(failedTasks.length).toBeGreaterThanOrEqual(1);
  });
});
