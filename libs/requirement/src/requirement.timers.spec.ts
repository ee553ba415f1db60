import { stateIn } from '../../../test/fixtures/requirement.fixtures';
import {
  applyRequirementTimer,
  deliverySchedule,
  nextRequirementTimer,
  schedulesToCompute,
  withAssessmentSchedule,
  withDeliverySchedule,
  withSignOffSchedule,
} from './requirement.timers';

const now = '2026-12-01T02:00:00.000Z';
const assessmentSchedule = {
  dueAt: '2026-12-04T15:59:59.999Z',
  reminderAt: '2026-12-03T01:00:00.000Z',
  provisional: false,
};

describe('requirement timers', () => {
  it('computes the assessment schedule first, then waits for the reminder, then the breach', () => {
    const fresh = stateIn('assessing');
    expect(schedulesToCompute(fresh)).toEqual({
      assessment: true,
      delivery: false,
      signOff: false,
    });
    expect(nextRequirementTimer(fresh)).toBeNull();

    const scheduled = withAssessmentSchedule(fresh, assessmentSchedule, now);
    expect(schedulesToCompute(scheduled).assessment).toBe(false);
    expect(nextRequirementTimer(scheduled)).toEqual({
      timer: 'assessment_reminder',
      at: '2026-12-03T01:00:00.000Z',
    });
    const reminded = applyRequirementTimer(
      scheduled,
      'assessment_reminder',
      '2026-12-03T01:00:00.000Z',
    );
    expect(reminded.breach).toBeNull();
    expect(reminded.next.seq).toBe(1);
    // The breach is one millisecond after the last millisecond of the day: 24:00.
    expect(nextRequirementTimer(reminded.next)).toEqual({
      timer: 'assessment_breached',
      at: '2026-12-04T16:00:00.000Z',
    });
    const breached = applyRequirementTimer(
      reminded.next,
      'assessment_breached',
      '2026-12-04T16:00:00.000Z',
    );
    expect(breached.breach).toEqual({
      kind: 'assessment_overdue',
      dueAt: '2026-12-04T15:59:59.999Z',
      recordedAt: '2026-12-04T16:00:00.000Z',
    });
    expect(breached.next.breaches).toHaveLength(1);
    expect(nextRequirementTimer(breached.next)).toBeNull();
  });

  it('skips a reminder whose time had already passed when scheduled', () => {
    const late = withAssessmentSchedule(
      stateIn('assessing'),
      assessmentSchedule,
      '2026-12-03T05:00:00.000Z',
    );
    expect(late.deadlines.assessment?.reminderAt).toBeNull();
    expect(nextRequirementTimer(late)?.timer).toBe('assessment_breached');
  });

  it('stops waiting on the assessment once assessed', () => {
    const scheduled = withAssessmentSchedule(stateIn('assessing'), assessmentSchedule, now);
    expect(nextRequirementTimer({ ...scheduled, status: 'awaiting_approval' })).toBeNull();
  });

  it('schedules delivery afresh for a new planned date and keeps what was sent otherwise', () => {
    const approved = stateIn('approved', { plannedDeliveryDate: '2026-12-31' });
    expect(schedulesToCompute(approved).delivery).toBe(true);
    const computed = {
      dueAt: '2026-12-31T15:59:59.999Z',
      reminderAt: '2026-12-24T01:00:00.000Z',
      provisional: false,
    };
    const scheduled = withDeliverySchedule(approved, computed, now);
    expect(nextRequirementTimer(scheduled)).toEqual({
      timer: 'delivery_reminder',
      at: computed.reminderAt,
    });
    const reminded = applyRequirementTimer(
      scheduled,
      'delivery_reminder',
      computed.reminderAt,
    ).next;
    expect(nextRequirementTimer(reminded)?.timer).toBe('delivery_overdue');
    expect(schedulesToCompute(reminded, true).delivery).toBe(true);
    expect(withDeliverySchedule(reminded, computed, now).deadlines.delivery?.reminderSentAt).toBe(
      computed.reminderAt,
    );

    const replanned = { ...reminded, plannedDeliveryDate: '2027-01-15' };
    expect(schedulesToCompute(replanned).delivery).toBe(true);
    expect(nextRequirementTimer(replanned)).toBeNull(); // stale schedule: not waited on
    const rescheduled = withDeliverySchedule(
      replanned,
      {
        dueAt: '2027-01-15T15:59:59.999Z',
        reminderAt: '2027-01-08T01:00:00.000Z',
        provisional: true,
      },
      now,
    );
    expect(rescheduled.deadlines.delivery).toMatchObject({
      plannedDeliveryDate: '2027-01-15',
      reminderSentAt: null,
      provisional: true,
    });
  });

  it('reminds the hospital to sign off again and again from the release', () => {
    const released = stateIn('released', {
      release: {
        version: 'v1',
        releaseNotes: '',
        rollbackPlan: '',
        releasedAt: '2026-12-07T02:00:00.000Z',
        releasedBy: { userId: 'u', name: 'pm', email: 'pm@x', party: 'vendor' },
        onTime: true,
      },
    });
    expect(schedulesToCompute(released).signOff).toBe(true);
    const first = withSignOffSchedule(released, {
      reminderAt: '2026-12-10T01:00:00.000Z',
      provisional: false,
    });
    expect(first.deadlines.signOff).toEqual({
      anchorAt: '2026-12-07T02:00:00.000Z',
      nextReminderAt: '2026-12-10T01:00:00.000Z',
      provisional: false,
      remindersSent: 0,
    });
    const fired = applyRequirementTimer(first, 'signoff_reminder', '2026-12-10T01:00:00.000Z').next;
    expect(fired.deadlines.signOff).toMatchObject({
      anchorAt: '2026-12-10T01:00:00.000Z',
      nextReminderAt: null,
      remindersSent: 1,
    });
    expect(schedulesToCompute(fired).signOff).toBe(true);
    expect(nextRequirementTimer({ ...first, status: 'accepted' })).toBeNull();
  });

  it('reminds of a delivery on the last working day at least 7 days before it', () => {
    const weekdays = {
      isWorkingDay: (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()),
      isProvisionalYear: (year: number) => year >= 2027,
    };
    // Planned Sun 2026-12-20: 7 days before is Sun 12-13, so Fri 12-11 09:00.
    expect(deliverySchedule('2026-12-20', 7, weekdays)).toEqual({
      dueAt: '2026-12-20T15:59:59.999Z',
      reminderAt: '2026-12-11T01:00:00.000Z',
      reminderDate: '2026-12-11',
      provisional: false,
    });
    expect(deliverySchedule('2026-12-23', 7, weekdays).reminderDate).toBe('2026-12-16');
    expect(deliverySchedule('2027-01-05', 7, weekdays)).toMatchObject({
      reminderDate: '2026-12-29',
      provisional: false,
    });
    expect(deliverySchedule('2027-01-12', 7, weekdays).provisional).toBe(true);
    expect(deliverySchedule('2026-12-23', 0, weekdays).reminderAt).toBeNull();
  });
});
