import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkingDayCalendar } from '@luyue/calendar';
import { resolveTemporalCli } from '@luyue/devstack';
import { queryRequirementState } from '@luyue/requirement';
import { recordingRequirementActivities } from '../helpers/requirement-activities.fixture';
import { workflowBundle } from '../helpers/time-skipping.env';
import { releaseRequest, runChain } from '../replay/request-scenarios';

const calendar = new WorkingDayCalendar();
// Far below the ~140 events up to the release: the request continues as new between Updates.
const RUN_EVENTS = 30;

/**
 * On the real server (the CLI's dev server, not the time-skipping one), which hands an Update
 * sent while a run continues as new over to the next run: nothing lost, nothing applied twice.
 */
describe('customizationRequestWorkflow on the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    const path = await resolveTemporalCli(() => undefined);
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path } },
    });
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('applies every Update exactly once while the request continues as new between them', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { writes, activities } = recordingRequirementActivities(() => calendar);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    await worker.runUntil(async () => {
      const receivedAt = new Date().toISOString();
      const ctx = { env, taskQueue, receivedAt, writes, calendar, version: 'v2' };
      const r = await releaseRequest(ctx, { continueAsNewAfterEvents: RUN_EVENTS }, true);
      try {
        expect((await runChain(ctx, r.id)).length).toBeGreaterThan(2);
        expect(writes.map((w) => `${w.transitionSeq}:${w.action}`)).toEqual(
          [
            'assessment_scheduled',
            'assess',
            'approve',
            'start-development',
            'log-effort',
            'submit-for-testing',
            'fail-testing',
            'submit-for-testing',
            'pass-testing',
            'release',
          ].map((action, i) => `${i + 1}:${action}`),
        );
        expect(await queryRequirementState(env.client, r.id)).toMatchObject({
          status: 'released',
          seq: 10,
          loggedPersonDays: 2.5,
        });
      } finally {
        await r.handle.terminate('test over');
      }
    });
  });
});
