// Records one history per scenario and workflow type from real runs on the time-skipping server,
// as test/replay/histories/<workflowType>/<version>-<scenario>.json (the temporal CLI's JSON).
// Run with `HISTORY_VERSION=v2 npm run record-histories` after changing a workflow; the replay
// tier then proves the new code still replays every version checked in before.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from './history-json';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkingDayCalendar } from '@luyue/calendar';
import {
  addCalendarDays,
  shanghaiDate,
  shanghaiDateAt,
  type DeadlineWatchInput,
} from '@luyue/domain';
import { deadlineFulfilledSignal, type DeadlineWatchActivities } from '@luyue/temporal/definitions';
import { type SecurityImportInput } from '@luyue/security/definitions';
import { importedSummary } from '../fixtures/security-import.fixtures';
import { SCENARIOS, type RequestScenario } from './request-scenarios';
import { CHANGE_SCENARIOS } from './change-scenarios';
import { SECURITY_TASK_SCENARIOS } from './security-task-scenarios';
import { FAULT_TICKET_SCENARIOS } from './fault-ticket-scenarios';
import { recordingFaultActivities } from '../helpers/fault-ticket-activities.fixture';
import { DUTY_SCENARIOS } from './duty-scenarios';
import { recordingDutyActivities } from '../helpers/duty-activities.fixture';
import { recordingChangeActivities } from '../helpers/change-activities.fixture';
import { recordingRequirementActivities } from '../helpers/requirement-activities.fixture';
import { recordingSecurityTaskActivities } from '../helpers/security-task-activities.fixture';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

const VERSION = process.env.HISTORY_VERSION ?? '';
const HISTORIES = join(__dirname, 'histories');
const calendar = new WorkingDayCalendar();

// Only the workflow types that changed in this version, e.g. HISTORY_TYPES=customizationRequestWorkflow.
const TYPES = process.env.HISTORY_TYPES?.split(',');
const wanted = (workflowType: string): boolean => !TYPES || TYPES.includes(workflowType);

if (!/^v\d+$/.test(VERSION)) throw new Error('set HISTORY_VERSION=v<n> (the workflow version)');

describe(`record workflow histories as ${VERSION}`, () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function save(
    workflowType: string,
    scenario: string,
    handle: WorkflowHandle,
    runId?: string,
  ) {
    const history = await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
    const dir = join(HISTORIES, workflowType);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${VERSION}-${scenario}.json`), `${historyToJSON(history)}\n`);
  }

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

  async function withWorker<T>(activities: object, body: (taskQueue: string) => Promise<T>) {
    const taskQueue = `record-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    return worker.runUntil(body(taskQueue));
  }

  if (wanted('customizationRequestWorkflow'))
    it.each(SCENARIOS.map((s) => [s.name, s] as const))(
      'customizationRequestWorkflow: %s',
      async (name: string, scenario: RequestScenario) => {
        const receivedAt = await nextFullWeekMonday();
        await skipTo(receivedAt);
        const { writes, activities } = recordingRequirementActivities(() => calendar);
        await withWorker(activities, async (taskQueue) => {
          const { handle, runIds } = await scenario.run({
            env,
            taskQueue,
            receivedAt,
            writes,
            calendar,
            version: VERSION,
          });
          for (const [i, runId] of runIds.entries())
            await save(
              'customizationRequestWorkflow',
              runIds.length > 1 ? `${name}-run${i + 1}` : name,
              handle,
              runId,
            );
        });
      },
    );

  const deadlineActivities: DeadlineWatchActivities = {
    computeDeadline: async ({ receivedAt, workingDays, reminderLeadDays }) => {
      const due = calendar.addWorkingDays(new Date(receivedAt), workingDays);
      const reminder =
        reminderLeadDays === null ? null : calendar.reminderAt(due.deadline, reminderLeadDays);
      return Promise.resolve({
        deadline: due.deadline.toISOString(),
        provisional: due.provisional,
        reminderAt: reminder ? reminder.deadline.toISOString() : null,
      });
    },
    scheduleDeadline: async () => Promise.resolve(),
    sendDeadlineReminder: async () => Promise.resolve(),
    recordDeadlineOutcome: async () => Promise.resolve(),
  };

  const watches = [
    ['met', true],
    ['reminded-then-breached', false],
  ] as const;
  if (wanted('deadlineWatchWorkflow'))
    it.each(watches)('deadlineWatchWorkflow: %s', async (scenario, fulfil) => {
      const receivedAt = await nextFullWeekMonday();
      await skipTo(receivedAt);
      await withWorker(deadlineActivities, async (taskQueue) => {
        const handle = await env.client.workflow.start('deadlineWatchWorkflow', {
          taskQueue,
          workflowId: `deadline:record-${randomUUID()}`,
          args: [
            {
              subject: 'REQ-RECORD',
              receivedAt,
              workingDays: 5,
              reminderLeadDays: 1,
              notify: ['pm@vendor.example'],
            } satisfies DeadlineWatchInput,
          ],
        });
        if (fulfil) {
          await env.sleep(3_600_000);
          await handle.signal(deadlineFulfilledSignal, {});
        }
        await handle.result();
        await save('deadlineWatchWorkflow', scenario, handle);
      });
    });

  if (wanted('securityImportWorkflow'))
    it('securityImportWorkflow: imported', async () => {
      const anchorAt = await nextFullWeekMonday();
      await skipTo(anchorAt);
      const activities = {
        computeDeadline: deadlineActivities.computeDeadline,
        importSecurityReport: async () => Promise.resolve(importedSummary()),
      };
      await withWorker(activities, async (taskQueue) => {
        const handle = await env.client.workflow.start('securityImportWorkflow', {
          taskQueue,
          workflowId: `security-import:record-${randomUUID()}`,
          args: [
            {
              importId: randomUUID(),
              anchorAt,
              remediationWorkingDays: { high: 5, medium: 10, low: 20 },
            } satisfies SecurityImportInput,
          ],
        });
        await handle.result();
        await save('securityImportWorkflow', 'imported', handle);
      });
    });

  if (wanted('noopWorkflow'))
    it('noopWorkflow: default', async () => {
      await withWorker({}, async (taskQueue) => {
        const handle = await env.client.workflow.start('noopWorkflow', {
          taskQueue,
          workflowId: `noop-${randomUUID()}`,
        });
        await handle.result();
        await save('noopWorkflow', 'default', handle);
      });
    });

  if (wanted('changeRequestWorkflow'))
    it.each(CHANGE_SCENARIOS.map((s) => [s.name, s] as const))(
      'changeRequestWorkflow: %s',
      async (name, scenario) => {
        const proposedAt = await nextFullWeekMonday();
        await skipTo(proposedAt);
        const { activities } = recordingChangeActivities(() => calendar);
        await withWorker(activities, async (taskQueue) => {
          const handle = await scenario.run({ env, taskQueue, proposedAt });
          await save('changeRequestWorkflow', name, handle);
        });
      },
    );

  if (wanted('securityTaskWorkflow'))
    it.each(SECURITY_TASK_SCENARIOS.map((s) => [s.name, s] as const))(
      'securityTaskWorkflow: %s',
      async (name, scenario) => {
        const issuedAt = await nextFullWeekMonday();
        await skipTo(issuedAt);
        const { activities } = recordingSecurityTaskActivities(() => calendar);
        await withWorker(activities, async (taskQueue) => {
          const handle = await scenario.run({ env, taskQueue, issuedAt });
          await save('securityTaskWorkflow', name, handle);
        });
      },
    );

  if (wanted('faultTicketWorkflow'))
    it.each(FAULT_TICKET_SCENARIOS.map((s) => [s.name, s] as const))(
      'faultTicketWorkflow: %s',
      async (name, scenario) => {
        const reportedAt = await nextFullWeekMonday();
        await skipTo(reportedAt);
        const { activities } = recordingFaultActivities(() => calendar);
        await withWorker(activities, async (taskQueue) => {
          const handle = await scenario.run({ env, taskQueue, reportedAt });
          await save('faultTicketWorkflow', name, handle);
        });
      },
    );

  if (wanted('dutyWorkflow'))
    it.each(DUTY_SCENARIOS.map((s) => [s.name, s] as const))(
      'dutyWorkflow: %s',
      async (name, scenario) => {
        // The monthly plan's next day 1, ahead of the server's time.
        const today = shanghaiDate(await env.currentTimeMs());
        const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
        const key = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
        const { activities } = recordingDutyActivities(() => calendar);
        await withWorker(activities, async (taskQueue) => {
          const handle = await scenario.run({ env, taskQueue, calendar, key });
          await save('dutyWorkflow', name, handle);
        });
      },
    );
});
