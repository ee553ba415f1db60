import { securityTask } from '../../../test/fixtures/security-task.fixtures';
import { addCalendarDays, calendarDaysBetween, shanghaiDate } from '@luyue/domain';
import type { FindingSeverity } from './security-finding.types';
import {
  completionByNotice,
  completionFigures,
  completionItemOf,
  workingDaySpread,
  type CompletionItem,
} from './remediation-completion.calculator';
import { initialRemediationState } from './security-task.reducer';
import type { RemediationStatus } from './security-task.types';

const ISSUED = '2027-03-01T02:00:00.000Z';
// Calendar days stand in for working days: the figures take the count from the caller.
const days = (from: string, to: string) =>
  calendarDaysBetween(shanghaiDate(from), shanghaiDate(to));
const closedAfter = (n: number) => `${addCalendarDays('2027-03-01', n)}T06:00:00.000Z`;

const item = (
  severity: FindingSeverity,
  status: RemediationStatus,
  over: Partial<CompletionItem> = {},
): CompletionItem => ({
  noticeId: 'N-1',
  severity,
  source: 'vuln_scan',
  status,
  issuedAt: ISSUED,
  closedAt: null,
  overdue: false,
  breached: false,
  ...over,
});

// One notice, ten items: 4 verified, 1 confirmed false positive (5 completed), 2 accepted
// low/info risks (not completed).
const NOTICE: CompletionItem[] = [
  item('high', 'verified', { closedAt: closedAfter(3) }),
  item('critical', 'verified', { closedAt: closedAfter(12), breached: true }),
  item('high', 'in_progress', { overdue: true, breached: true }),
  item('medium', 'false_positive', { closedAt: closedAfter(4), source: 'mlps' }),
  item('medium', 'verified', { closedAt: closedAfter(8), source: 'mlps' }),
  item('low', 'risk_accepted'),
  item('low', 'verified', { closedAt: closedAfter(5) }),
  item('low', 'reopened'),
  item('info', 'risk_accepted', { source: 'mlps' }),
  item('info', 'retest_requested'),
];

describe('completion figures', () => {
  it('counts verified and confirmed false positives as completed out of everything issued; accepted risks apart', () => {
    const f = completionFigures(NOTICE, days);
    expect([f.issued, f.verified, f.falsePositive, f.riskAccepted, f.completed]).toEqual([
      10, 4, 1, 2, 5,
    ]);
    expect([f.rate, f.overdue, f.breached, f.flagged]).toEqual([0.5, 1, 2, true]);
  });

  it('flags medium and above unless complete, by severity and by source', () => {
    const { bySeverity, bySource } = completionFigures(NOTICE, days);
    const row = (c: (typeof bySeverity)['high']) => [c.issued, c.completed, c.rate, c.flagged];
    expect(row(bySeverity.critical)).toEqual([1, 1, 1, false]);
    expect(row(bySeverity.high)).toEqual([2, 1, 0.5, true]);
    expect(row(bySeverity.medium)).toEqual([2, 2, 1, false]);
    // An accepted low or info risk is not completed, and flags nothing (only medium and up do).
    expect(row(bySeverity.low)).toEqual([3, 1, 1 / 3, false]);
    expect(row(bySeverity.info)).toEqual([2, 0, 0, false]);
    expect(bySeverity.low.riskAccepted).toBe(1);
    expect(Object.keys(bySource).sort()).toEqual(['mlps', 'vuln_scan']);
    expect(row(bySource.mlps)).toEqual([3, 2, 2 / 3, false]);
    expect(row(bySource.vuln_scan)).toEqual([7, 3, 3 / 7, true]);
  });

  it('spreads working days from the notice to verification: median and p90', () => {
    // Verified after 3, 12, 8 and 5 days; the false positive is not a verification.
    expect(completionFigures(NOTICE, days).daysToVerification).toEqual({
      count: 4,
      median: 6.5,
      p90: 12,
    });
    expect(workingDaySpread([])).toEqual({ count: 0, median: null, p90: null });
    expect(workingDaySpread([4, 1, 9])).toEqual({ count: 3, median: 4, p90: 9 });
    const ten = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(workingDaySpread(ten)).toMatchObject({ median: 5.5, p90: 9 });
  });

  it('has no rate for nothing issued, and one row per notice', () => {
    expect(completionFigures([], days)).toMatchObject({ issued: 0, rate: null, flagged: false });
    const rows = completionByNotice(
      [...NOTICE, item('high', 'verified', { noticeId: 'N-2', closedAt: closedAfter(1) })],
      days,
    );
    expect(rows.map((r) => [r.noticeId, r.issued, r.rate])).toEqual([
      ['N-1', 10, 0.5],
      ['N-2', 1, 1],
    ]);
  });

  it('reads an item from a task state: overdue only past a running deadline', () => {
    const s = initialRemediationState(securityTask('T-1', ISSUED));
    const due = '2027-03-10T15:59:59.999Z';
    const running = {
      ...s,
      fixDeadlines: s.fixDeadlines.map((p) => ({ ...p, dueAt: due })),
    };
    expect(completionItemOf(running, '2027-03-10T15:00:00.000Z').overdue).toBe(false);
    expect(completionItemOf(running, '2027-03-11T00:00:00.000Z')).toMatchObject({
      overdue: true,
      status: 'open',
      severity: 'medium',
      source: 'vuln_scan',
    });
    const accepted = { ...running, status: 'risk_accepted' as const };
    expect(completionItemOf(accepted, '2027-03-11T00:00:00.000Z').overdue).toBe(false);
  });
});
