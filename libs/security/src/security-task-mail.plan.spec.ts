import { securityTask, vendorPm } from '../../../test/fixtures/security-task.fixtures';
import { mailDeadlineOf } from './security-task-mail.plan';
import { applyRemediationAction, initialRemediationState } from './security-task.reducer';
import { DEFAULT_REMEDIATION_SETTINGS, type RemediationState } from './security-task.types';

const ISSUED = '2027-03-01T02:00:00.000Z';
const FIX_DUE = '2027-03-10T15:59:59.999Z';
const RETEST_DUE = '2027-03-17T15:59:59.999Z';

// A task fixed and waiting for its retest: the fix period ended, the retest round is due.
function waitingForRetest(): RemediationState {
  const start = initialRemediationState(securityTask('T-1', ISSUED));
  const fixed: RemediationState = {
    ...start,
    status: 'fixed',
    fixDeadlines: start.fixDeadlines.map((p) => ({ ...p, dueAt: FIX_DUE })),
  };
  const next = applyRemediationAction(
    fixed,
    { action: 'request-retest', payload: { note: '' } },
    vendorPm,
    '2027-03-05T02:00:00.000Z',
    DEFAULT_REMEDIATION_SETTINGS,
  ).next;
  return { ...next, retests: next.retests.map((r) => ({ ...r, dueAt: RETEST_DUE })) };
}

describe('the deadline a remediation mail names', () => {
  it('is the retest due date for the retest request, reminder and overdue mails', () => {
    const s = waitingForRetest();
    for (const step of ['request-retest', 'retest_reminder', 'retest_overdue'] as const) {
      expect(mailDeadlineOf(step, s)).toEqual({
        kind: 'retest',
        dueAt: RETEST_DUE,
        provisional: false,
      });
    }
  });

  it('is the running fix period for the vendor, and none once that period ended', () => {
    const start = initialRemediationState(securityTask('T-1', ISSUED));
    const running = {
      ...start,
      fixDeadlines: start.fixDeadlines.map((p) => ({ ...p, dueAt: FIX_DUE })),
    };
    expect(mailDeadlineOf('fix_reminder', running)).toEqual({
      kind: 'fix',
      dueAt: FIX_DUE,
      provisional: false,
    });
    expect(mailDeadlineOf('verify', waitingForRetest())).toBe(null);
  });
});
