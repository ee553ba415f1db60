import { securityTask, manager } from '../../../test/fixtures/security-task.fixtures';
import { applyRemediationAction, initialRemediationState } from './security-task.reducer';
import {
  applyRemediationTimer,
  deadlinesToCompute,
  nextRemediationTimer,
  withComputedDeadline,
} from './security-task.timers';
import { DEFAULT_REMEDIATION_SETTINGS, type RemediationState } from './security-task.types';

const settings = DEFAULT_REMEDIATION_SETTINGS;
const ISSUED = '2027-03-01T02:00:00.000Z'; // Mon 10:00 Shanghai
const DUE = '2027-03-10T15:59:59.999Z'; // Wed 03-10 24:00: 7 working days later
const REMIND = '2027-03-08T01:00:00.000Z'; // Mon 03-08 09:00: 2 working days before

function scheduled(state: RemediationState): RemediationState {
  const [fix] = deadlinesToCompute(state, settings);
  return withComputedDeadline(
    state,
    fix.period,
    { deadline: DUE, provisional: false, reminderAt: REMIND },
    ISSUED,
  );
}

describe('remediation timers', () => {
  const start = initialRemediationState(securityTask('T-1', ISSUED));

  it('asks for the fix period of the severity with its reminder lead', () => {
    expect(deadlinesToCompute(start, settings)).toEqual([
      { period: 'fix', receivedAt: ISSUED, workingDays: 7, reminderLeadDays: 2 },
    ]);
    const custom = { ...settings, fixWorkingDays: { ...settings.fixWorkingDays, high: 3 } };
    const high = initialRemediationState(
      securityTask('T-2', ISSUED, { severity: 'high', settings: custom }),
    );
    expect(deadlinesToCompute(high, custom)[0].workingDays).toBe(3);
    const s = scheduled(start);
    expect(deadlinesToCompute(s, settings)).toEqual([]);
    expect(deadlinesToCompute(s, settings, true)).toHaveLength(1);
  });

  it('reminds, then records the breach once, one millisecond after 24:00 of the last day', () => {
    let s = scheduled(start);
    expect(nextRemediationTimer(s)).toEqual({ timer: 'fix_reminder', at: REMIND });
    s = applyRemediationTimer(s, 'fix_reminder', REMIND, settings).next;
    expect(nextRemediationTimer(s)).toEqual({
      timer: 'fix_breached',
      at: '2027-03-10T16:00:00.000Z',
    });
    s = applyRemediationTimer(s, 'fix_breached', '2027-03-10T16:00:00.000Z', settings).next;
    expect(s.breaches).toEqual([
      { kind: 'fix_overdue', round: 1, dueAt: DUE, recordedAt: '2027-03-10T16:00:00.000Z' },
    ]);
    expect(nextRemediationTimer(s)).toBe(null);
    expect(deadlinesToCompute(s, settings, true)).toEqual([]);
  });

  it('does not send a reminder late when its time passed before it was scheduled', () => {
    const [fix] = deadlinesToCompute(start, settings);
    const late = withComputedDeadline(
      start,
      fix.period,
      { deadline: DUE, provisional: true, reminderAt: REMIND },
      '2027-03-09T00:00:00.000Z',
    );
    expect(late.fixDeadlines[0]).toMatchObject({ reminderAt: null, provisional: true });
    expect(nextRemediationTimer(late)?.timer).toBe('fix_breached');
  });

  it('reminds the hospital of its retest turnaround without recording a vendor breach', () => {
    let s = scheduled(start);
    s = { ...s, status: 'fixed', lines: s.lines.map((l) => ({ ...l, status: 'fixed' })) };
    s = applyRemediationAction(
      s,
      { action: 'request-retest', payload: { note: '' } },
      manager,
      '2027-03-02T02:00:00.000Z',
      settings,
    ).next;
    expect(deadlinesToCompute(s, settings)).toEqual([
      {
        period: 'retest',
        receivedAt: '2027-03-02T02:00:00.000Z',
        workingDays: 5,
        reminderLeadDays: 1,
      },
    ]);
    s = withComputedDeadline(
      s,
      'retest',
      {
        deadline: '2027-03-09T15:59:59.999Z',
        provisional: false,
        reminderAt: '2027-03-09T01:00:00.000Z',
      },
      '2027-03-02T02:00:00.000Z',
    );
    expect(nextRemediationTimer(s)).toEqual({
      timer: 'retest_reminder',
      at: '2027-03-09T01:00:00.000Z',
    });
    s = applyRemediationTimer(s, 'retest_reminder', '2027-03-09T01:00:00.000Z', settings).next;
    s = applyRemediationTimer(s, 'retest_overdue', '2027-03-09T16:00:00.000Z', settings).next;
    expect([s.retests[0].overdueAt, s.breaches, nextRemediationTimer(s)]).toEqual([
      '2027-03-09T16:00:00.000Z',
      [],
      null,
    ]);
  });

  it('reopens an accepted risk at 00:00 after its last day, with a new period', () => {
    const low = scheduled(
      initialRemediationState(securityTask('T-3', ISSUED, { severity: 'low' })),
    );
    let s = applyRemediationAction(
      low,
      { action: 'accept-risk', payload: { reason: '内网', expiresOn: '2027-04-30' } },
      manager,
      ISSUED,
      settings,
    ).next;
    // The fix period stops: only the expiry is pending.
    expect(nextRemediationTimer(s)).toEqual({
      timer: 'risk_expired',
      at: '2027-04-30T16:00:00.000Z',
    });
    const change = applyRemediationTimer(s, 'risk_expired', '2027-04-30T16:00:00.000Z', settings);
    s = change.next;
    expect([change.fromStatus, change.toStatus]).toEqual(['risk_accepted', 'reopened']);
    expect(s.riskAcceptances[0].expiredAt).toBe('2027-04-30T16:00:00.000Z');
    expect(deadlinesToCompute(s, settings)).toEqual([
      expect.objectContaining({ period: 'fix', receivedAt: '2027-04-30T16:00:00.000Z' }),
    ]);
  });
});
