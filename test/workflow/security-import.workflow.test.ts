import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkingDayCalendar } from '@luyue/calendar';
import type { RemediationDueDates, SecurityImportInput } from '@luyue/security/definitions';
import { importedSummary } from '../fixtures/security-import.fixtures';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

describe('securityImportWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('computes one due date per remediation severity, imports with them, then issues the tasks', async () => {
    const calendar = new WorkingDayCalendar();
    const computed: number[] = [];
    const imports: Array<{ importId: string; dueDates: RemediationDueDates }> = [];
    const issued: string[] = [];
    const activities = {
      computeDeadline: async (input: { receivedAt: string; workingDays: number }) => {
        computed.push(input.workingDays);
        const due = calendar.addWorkingDays(new Date(input.receivedAt), input.workingDays);
        return Promise.resolve({
          deadline: due.deadline.toISOString(),
          provisional: due.provisional,
          reminderAt: null,
        });
      },
      importSecurityReport: async (input: { importId: string; dueDates: RemediationDueDates }) => {
        imports.push(input);
        return Promise.resolve(importedSummary());
      },
      issueRemediationTasks: async (input: { importId: string }) => {
        issued.push(input.importId);
        return Promise.resolve({ started: 1, retested: 0 });
      },
    };
    const taskQueue = `security-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const input: SecurityImportInput = {
      importId: randomUUID(),
      anchorAt: '2026-09-28T10:00:00+08:00', // Mon before 国庆; Sat 10-10 is a working day
      remediationWorkingDays: { high: 7, medium: 10, low: 20 },
    };
    const result = await worker.runUntil(
      env.client.workflow.execute('securityImportWorkflow', {
        taskQueue,
        workflowId: `security-import:${input.importId}`,
        args: [input],
      }),
    );
    expect(result).toEqual(importedSummary());
    expect(computed).toEqual([7, 10, 20]);
    expect(imports).toHaveLength(1);
    expect(issued).toEqual([input.importId]);
    const { dueDates } = imports[0];
    for (const [severity, days] of [
      ['high', 7],
      ['medium', 10],
      ['low', 20],
    ] as const) {
      const expected = calendar.addWorkingDays(new Date(input.anchorAt), days);
      expect(dueDates[severity]).toEqual({
        dueAt: expected.deadline.toISOString(),
        provisional: expected.provisional,
      });
    }
    expect(Date.parse(dueDates.high.dueAt)).toBeLessThan(Date.parse(dueDates.medium.dueAt));
  });

  it('an import out of retries is recorded as failed, and the run fails', async () => {
    const failures: Array<{ importId: string; message: string }> = [];
    let attempts = 0;
    const taskQueue = `security-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: {
        computeDeadline: async () =>
          Promise.resolve({
            deadline: new Date(0).toISOString(),
            provisional: false,
            reminderAt: null,
          }),
        importSecurityReport: async () => {
          attempts++;
          return Promise.reject(new Error('stored file is missing'));
        },
        failSecurityImport: async (input: { importId: string; message: string }) =>
          void failures.push(input),
      },
    });
    const importId = randomUUID();
    const run = worker.runUntil(
      env.client.workflow.execute('securityImportWorkflow', {
        taskQueue,
        workflowId: `security-import:${importId}`,
        args: [
          {
            importId,
            anchorAt: new Date().toISOString(),
            remediationWorkingDays: { high: 5, medium: 10, low: 20 },
          },
        ],
      }),
    );
    await expect(run).rejects.toThrow();
    expect(attempts).toBe(5);
    expect(failures).toEqual([{ importId, message: 'stored file is missing' }]);
  });
});
