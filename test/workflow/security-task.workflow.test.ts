import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { provisionalSchedule, WorkingDayCalendar } from '@luyue/calendar';
import { DomainError, type Actor } from '@luyue/domain';
import {
  type RemediationAction,
  type RemediationInput,
  type RemediationPayloads,
  type RemediationState,
  type RetestImportResult,
  securityTaskWorkflowId,
  type RemediationTransitionInput,
} from '@luyue/security/definitions';
import { calendarChangedSignal } from '@luyue/temporal/definitions';
import {
  firstSecurityTaskState,
  querySecurityTaskState,
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
import { recordingSecurityTaskActivities } from '../helpers/security-task-activities.fixture';
import { createTimeSkippingEnv, workflowBundle } from '../helpers/time-skipping.env';

// A fictional official schedule for 2027: 国庆 10-01…10-07 off, Saturday 10-09 a working day
// (调休). Issued on Tuesday 09-28, the 7 working days are 09-29, 09-30, 10-08, 10-09 (Sat),
// 10-11, 10-12 and 10-13: due Wednesday 10-13 24:00, breached as the 8th working day begins.
// Without the schedule (weekends and 10-01…10-03 only) the period would end on Friday 10-08.
const YEAR = 2027;
const official = new WorkingDayCalendar(
  new Map([
    [
      YEAR,
      {
        year: YEAR,
        holidays: [
          ...provisionalSchedule(YEAR).holidays.filter((d) => !d.startsWith('2027-10')),
          ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2027-10-${d}`),
        ].sort(),
        workdays: ['2027-10-09'],
      },
    ],
  ]),
);
const provisional = new WorkingDayCalendar();
const ISSUED = '2027-09-28T02:00:00.000Z'; // Tue 10:00 Shanghai
const DUE = '2027-10-13T15:59:59.999Z';
const REMINDER = '2027-10-11T01:00:00.000Z'; // Mon 09:00, 2 working days before
const PROVISIONAL_DUE = '2027-10-08T15:59:59.999Z';

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const HOUR = 3_600_000;

describe('securityTaskWorkflow on the time-skipping server', () => {
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

  async function until(what: () => boolean | Promise<boolean>, description: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (await what()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${description}`);
  }

  interface Task {
    id: string;
    act: <A extends RemediationAction>(
      action: A,
      actor: Actor,
      payload: RemediationPayloads[A],
    ) => Promise<RemediationState>;
    retest: (result: RetestImportResult) => Promise<RemediationState>;
    writes: RemediationTransitionInput[];
    state: () => Promise<RemediationState>;
    useCalendar: (calendar: WorkingDayCalendar) => void;
  }

  async function withTask(
    input: (id: string, now: string) => RemediationInput,
    body: (t: Task) => Promise<void>,
    calendar = official,
  ): Promise<void> {
    const taskQueue = `test-${randomUUID()}`;
    let current = calendar;
    const { writes, activities } = recordingSecurityTaskActivities(() => current);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const id = randomUUID();
    await worker.runUntil(async () => {
      const now = new Date(await env.currentTimeMs()).toISOString();
      await startSecurityTask(env.client, taskQueue, input(id, now));
      const handle = env.client.workflow.getHandle(securityTaskWorkflowId(id));
      try {
        await firstSecurityTaskState(env.client, id);
        await body({
          id,
          act: (action, actor, payload) =>
            runSecurityTaskAction(env.client, id, action, {
              actor,
              payload,
              requestId: randomUUID(),
            }),
          retest: (result) => sendRetestImport(env.client, id, result),
          writes,
          state: async () => {
            await until(
              async () => (await querySecurityTaskState(env.client, id)).seq >= writes.length,
              'the workflow to apply its writes',
            );
            return querySecurityTaskState(env.client, id);
          },
          useCalendar: (c) => {
            current = c;
          },
        });
      } finally {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') await handle.terminate('test over');
      }
    });
  }

  const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  const fix = (assets?: string[]) => ({ note: '禁用 CBC 模式密码', proof: [proofFile], assets });
  const none = { note: '' };
  const actions = (writes: RemediationTransitionInput[]) => writes.map((w) => w.action);

  it('refuses a vendor verifying (403) and accepting a high risk (409 naming the severity), writing nothing', async () => {
    await withTask(
      (id, now) => securityTask(id, now, { severity: 'high' }),
      async ({ act, writes }) => {
        await act('fix', vendorDev, fix());
        await act('request-retest', vendorPm, none);
        const own = await refusal(act('verify', vendorPm, none));
        expect([own.code, own.details?.allowedRoles]).toEqual([
          'forbidden',
          ['hospital_manager', 'hospital_staff'],
        ]);
        await act('fail-retest', staff, { reason: '仍可协商 CBC' });
        const risk = await refusal(
          act('accept-risk', manager, { reason: '影响可控', expiresOn: '2099-12-31' }),
        );
        expect([risk.code, risk.details?.severity]).toEqual(['conflict', 'high']);
        expect(risk.message).toContain('high');
        const noProof = await refusal(act('fix', vendorDev, { note: '已修复', proof: [] }));
        expect(noProof.code).toBe('validation_failed');
        expect(actions(writes)).toEqual(['issued', 'fix', 'request-retest', 'fail-retest']);
      },
    );
  });

  it('is fixed when every line is fixed, and verified only when every line is', async () => {
    await withTask(
      (id, now) => securityTask(id, now),
      async ({ id, act, writes }) => {
        expect((await act('fix', vendorDev, fix(['L1']))).status).toBe('in_progress');
        expect((await refusal(act('request-retest', vendorPm, none))).code).toBe('invalid_state');
        expect((await act('fix', vendorDev, fix(['L2']))).status).toBe('fixed');
        await act('request-retest', vendorPm, none);
        const one = await act('verify', staff, { note: '', assets: ['L1'] });
        expect([one.status, one.lines.map((l) => l.status)]).toEqual([
          'retest_requested',
          ['verified', 'fixed'],
        ]);
        const all = await act('verify', manager, { note: '复验通过', assets: ['L2'] });
        expect([all.status, all.closedAt !== null]).toEqual(['verified', true]);
        // Awaiting the result would let the time-skipping server jump ahead: poll instead.
        const handle = env.client.workflow.getHandle(securityTaskWorkflowId(id));
        await until(
          async () => (await handle.describe()).status.name === 'COMPLETED',
          'the workflow to end',
        );
        const verify = writes.find((w) => w.action === 'verify' && w.toStatus === 'verified')!;
        expect(verify.mails.map((m) => m.to)).toEqual([[vendorPm.email, vendorDev.email]]);
      },
    );
  });

  it('reopens a verified task in a new run that carries on from its last state', async () => {
    await withTask(
      (id, now) => securityTask(id, now),
      async ({ id, act, writes }) => {
        await act('fix', vendorDev, fix());
        await act('request-retest', vendorPm, none);
        const verified = await act('verify', staff, none);
        const handle = env.client.workflow.getHandle(securityTaskWorkflowId(id));
        await until(
          async () => (await handle.describe()).status.name === 'COMPLETED',
          'the workflow to end',
        );
        const result = { importId: 'IMP-9', lines: [{ lineId: 'L2', present: true }] };
        const { taskQueue } = (await handle.describe()) as { taskQueue: string };
        await startSecurityTask(env.client, taskQueue, {
          ...securityTask(id, verified.issuedAt),
          reopen: { state: verified, result },
        });
        await until(
          async () => (await querySecurityTaskState(env.client, id)).status === 'reopened',
          'the new run to reopen the task',
        );
        const reopened = writes.at(-1)!;
        expect([reopened.action, reopened.fromStatus, reopened.toStatus]).toEqual([
          'retest_imported',
          'verified',
          'reopened',
        ]);
        expect(reopened.transitionSeq).toBe(verified.seq + 1);
        expect(reopened.state.lines.map((l) => l.status)).toEqual(['verified', 'open']);
        expect(reopened.state.fixDeadlines.at(-1)).toMatchObject({ cause: 'retest_import' });
        expect(reopened.state.fixDeadlines.at(-1)!.dueAt).not.toBe(null);
        // The reopened run takes the vendor's steps again.
        expect((await act('start', vendorDev, { note: '重新整改' })).status).toBe('in_progress');
      },
    );
  });

  it('takes a retest import: gone lines fixed by retest, confirmed by the hospital; a repeat changes nothing', async () => {
    await withTask(
      (id, now) => securityTask(id, now),
      async ({ act, retest, writes }) => {
        const gone = {
          importId: 'IMP-1',
          lines: [
            { lineId: 'L1', present: false },
            { lineId: 'L2', present: false },
          ],
        };
        const s = await retest(gone);
        expect([s.status, s.lines.map((l) => l.status)]).toEqual([
          'retest_requested',
          ['fixed_by_retest', 'fixed_by_retest'],
        ]);
        await retest(gone);
        expect(actions(writes)).toEqual(['issued', 'retest_imported']);
        expect((await act('verify', manager, none)).status).toBe('verified');
      },
    );
  });

  it('breaches on the 8th working day across 国庆 with 调休, after a loaded calendar recomputed the deadline', async () => {
    await skipTo(ISSUED);
    await withTask(
      (id) => securityTask(id, ISSUED),
      async ({ id, act, writes, state, useCalendar }) => {
        const first = (await state()).fixDeadlines[0];
        expect([first.dueAt, first.provisional]).toEqual([PROVISIONAL_DUE, true]);
        useCalendar(official);
        await env.client.workflow
          .getHandle(securityTaskWorkflowId(id))
          .signal(calendarChangedSignal);
        await until(() => writes.some((w) => w.action === 'deadlines_recomputed'), 'recompute');
        const recomputed = (await state()).fixDeadlines[0];
        expect([recomputed.dueAt, recomputed.reminderAt, recomputed.provisional]).toEqual([
          DUE,
          REMINDER,
          false,
        ]);
        await skipTo(later(DUE, HOUR));
        await until(() => writes.some((w) => w.action === 'fix_breached'), 'the breach');
        const timed = writes.filter((w) => w.actor === null);
        expect(actions(timed)).toEqual([
          'issued',
          'deadlines_recomputed',
          'fix_reminder',
          'fix_breached',
        ]);
        const [reminder, breach] = timed.slice(2);
        expect(Date.parse(reminder.at) - Date.parse(REMINDER)).toBeLessThan(1000);
        expect(reminder.mails.map((m) => m.to)).toEqual([[vendorPm.email, vendorDev.email]]);
        expect(Date.parse(breach.at) - Date.parse(DUE)).toBeGreaterThan(0);
        expect(Date.parse(breach.at) - Date.parse(DUE)).toBeLessThan(1000);
        expect(breach.payload).toMatchObject({ kind: 'fix_overdue', round: 1, dueAt: DUE });
        expect(breach.mails[0].to).toEqual([vendorPm.email, vendorDev.email, manager.email]);
        // Recorded once; the vendor still owes the fix.
        await skipTo(later(DUE, 48 * HOUR));
        await act('fix', vendorDev, fix());
        const s = await state();
        expect([s.status, s.breaches.length]).toEqual(['fixed', 1]);
        expect(writes.filter((w) => w.action === 'fix_breached')).toHaveLength(1);
      },
      provisional,
    );
  });

  it('reminds the hospital of its retest, not a vendor breach; a failed retest reopens with a deadline from the failure', async () => {
    // Issued Mon 11-01; the retest requested at once is due Mon 11-08 (5 working days), its
    // reminder Fri 11-05 09:00. Failed on Tue 11-09, the new period ends Thu 11-18.
    const issued = '2027-11-01T02:00:00.000Z';
    const failedAt = '2027-11-09T02:00:00.000Z';
    const newDue = '2027-11-18T15:59:59.999Z';
    await skipTo(issued);
    await withTask(
      (id) => securityTask(id, issued),
      async ({ act, writes, state }) => {
        await act('fix', vendorDev, fix());
        const requested = await act('request-retest', vendorPm, none);
        expect(requested.retests[0]).toMatchObject({
          dueAt: '2027-11-08T15:59:59.999Z',
          reminderAt: '2027-11-05T01:00:00.000Z',
        });
        expect(writes.at(-1)?.mails.map((m) => m.to)).toEqual([[manager.email, staff.email]]);
        await skipTo(failedAt);
        await until(() => writes.some((w) => w.action === 'retest_overdue'), 'retest overdue');
        const failed = await act('fail-retest', staff, { reason: '10.0.0.2 仍支持 CBC' });
        expect(failed.status).toBe('reopened');
        const period = failed.fixDeadlines[1];
        expect([period.round, period.cause, period.dueAt]).toEqual([2, 'retest_failed', newDue]);
        expect(Date.parse(period.receivedAt) - Date.parse(failedAt)).toBeLessThan(1000);
        // The first period (due 11-10) ended with the request: no breach for it.
        await skipTo('2027-11-12T02:00:00.000Z');
        expect((await state()).breaches).toEqual([]);
        await skipTo(later(newDue, HOUR));
        await until(() => writes.some((w) => w.action === 'fix_breached'), 'the second breach');
        expect(actions(writes.filter((w) => w.actor === null))).toEqual([
          'issued',
          'retest_reminder',
          'retest_overdue',
          'fix_reminder',
          'fix_breached',
        ]);
        expect((await state()).breaches).toEqual([
          expect.objectContaining({ kind: 'fix_overdue', round: 2, dueAt: newDue }),
        ]);
      },
    );
  });

  it('reopens an accepted low risk at its expiry, with a new fix period from then', async () => {
    // Accepted until Fri 12-10: reopened at Sat 12-11 00:00; 7 working days end Tue 12-21.
    const issued = '2027-12-01T02:00:00.000Z';
    const expiry = '2027-12-10T16:00:00.000Z';
    await skipTo(issued);
    await withTask(
      (id) => securityTask(id, issued, { severity: 'low' }),
      async ({ act, writes, state }) => {
        const accepted = await act('accept-risk', manager, {
          reason: '仅内网可达，已加访问控制',
          expiresOn: '2027-12-10',
        });
        expect(accepted.status).toBe('risk_accepted');
        await skipTo(later(expiry, HOUR));
        await until(() => writes.some((w) => w.action === 'risk_expired'), 'the expiry');
        const expired = writes.find((w) => w.action === 'risk_expired')!;
        expect(Date.parse(expired.at) - Date.parse(expiry)).toBeLessThan(1000);
        expect([expired.fromStatus, expired.toStatus]).toEqual(['risk_accepted', 'reopened']);
        const s = await state();
        expect(s.fixDeadlines.map((p) => [p.round, p.cause, p.endedBy, p.dueAt])).toEqual([
          [1, 'issued', 'risk_accepted', '2027-12-10T15:59:59.999Z'],
          [2, 'risk_expired', null, '2027-12-21T15:59:59.999Z'],
        ]);
        expect(s.breaches).toEqual([]);
        expect(expired.mails[0].to).toEqual([vendorPm.email, vendorDev.email, manager.email]);
      },
    );
  });
});
