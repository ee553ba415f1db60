import { defaultAssessmentTemplate, templateProblems, withDefaults } from './assessment-template';
import {
  availability,
  meetsTarget,
  scorecard,
  type ScorecardDuty,
  type ScorecardFault,
  type ScorecardInput,
} from './scorecard';

const YEAR = { contractYear: 1, startDate: '2026-01-01', endDate: '2026-12-31' };
const END = '2027-01-01T00:00:00+08:00';
const empty: ScorecardInput = {
  ...YEAR,
  now: END,
  faults: [],
  duties: [],
  requirements: { confirmed: [], accepted: [] },
  securityTasks: [],
};
const fault = (over: Partial<ScorecardFault>): ScorecardFault => ({
  id: 'f1',
  number: 'FT-1',
  level: 'level_1',
  reportedAt: '2026-03-01T10:00:00+08:00',
  restoredAt: '2026-03-01T10:30:00+08:00',
  overruns: [],
  ...over,
});
const duty = (id: string, status: ScorecardDuty['status'], recordDueAt = '2026-02-01T00:00:00Z') =>
  ({ id, number: id, kind: 'inspection', status, recordDueAt, breachedAt: null }) as ScorecardDuty;
const card = (input: Partial<ScorecardInput>, template = defaultAssessmentTemplate()) =>
  Object.fromEntries(scorecard({ ...empty, ...input }, template).indicators.map((i) => [i.key, i]));
const YEAR_MINUTES = 365 * 24 * 60;

describe('the scorecard', () => {
  it('has no data for anything when nothing happened, and never a fake survey figure', () => {
    const sc = scorecard(empty, defaultAssessmentTemplate());
    const outcomes = Object.fromEntries(sc.indicators.map((i) => [i.key, i.outcome]));
    expect(outcomes).toEqual({
      availability: 'pass',
      fault_response: 'no_data',
      task_completion: 'no_data',
      requirement_completion: 'no_data',
      security_remediation: 'no_data',
      satisfaction: 'no_data',
      it_department_score: 'no_data',
    });
    expect(sc.overall).toBe('no_data');
  });

  it('counts tasks done only when signed, due ones only, and fails below 100 %', () => {
    const i = card({
      now: '2026-06-01T00:00:00Z',
      duties: [
        duty('d1', 'signed'),
        duty('d2', 'recorded'),
        duty('d3', 'open', '2026-09-01T00:00:00Z'),
      ],
    }).task_completion;
    expect(i.counts).toEqual({ due: 2, done: 1, missed: 1 });
    expect(i.value).toBe(50);
    expect(i.outcome).toBe('fail');
    expect(i.evidence.map((e) => [e.id, e.mark])).toEqual([
      ['d1', 'done'],
      ['d2', 'missed'],
    ]);
  });

  it('passes requirement completion exactly at 95 % and fails just under it', () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_, k) => `REQ-2026-${String(k).padStart(4, '0')}`);
    expect(
      card({ requirements: { confirmed: ids(20), accepted: ids(19) } }).requirement_completion
        .outcome,
    ).toBe('pass');
    const under = card({
      requirements: { confirmed: ids(200), accepted: ids(189) },
    }).requirement_completion;
    expect([under.value, under.outcome]).toEqual([94.5, 'fail']);
  });

  it('judges security on medium and worse only, an accepted risk not completed', () => {
    const i = card({
      securityTasks: [
        { id: 't1', number: 'T1', severity: 'high', status: 'verified' },
        { id: 't2', number: 'T2', severity: 'medium', status: 'risk_accepted' },
        { id: 't3', number: 'T3', severity: 'low', status: 'open' },
      ],
    }).security_remediation;
    expect(i.counts).toEqual({ issued: 2, completed: 1, riskAccepted: 1 });
    expect(i.outcome).toBe('fail');
  });

  it('counts fault overruns per level and flags a major breach at 5 level-1 overruns', () => {
    const faults = Array.from({ length: 5 }, (_, k) =>
      fault({ id: `f${k}`, overruns: ['response'] }),
    );
    const i = card({ faults }).fault_response;
    expect(i.counts).toMatchObject({
      tickets: 5,
      overruns: 5,
      'overruns.level_1': 5,
      'major_breach.level_1': 1,
    });
    expect(i.outcome).toBe('fail');
    expect(card({ faults: [fault({})] }).fault_response.outcome).toBe('pass');
  });

  it('takes level-1 outage minutes against the year, maintenance windows left out of both', () => {
    const window = { from: '2026-03-01T10:20:00+08:00', to: '2026-03-01T11:00:00+08:00', note: '' };
    const m = availability({ ...empty, faults: [fault({}), fault({ level: 'level_2' })] }, [
      window,
    ]);
    expect(m.counts).toEqual({
      plannedMinutes: YEAR_MINUTES - 40,
      outageMinutes: 20,
      maintenanceMinutes: 40,
      outages: 1,
    });
  });

  it('passes availability exactly at 99.5 % and fails one minute over', () => {
    const down = (minutes: number) =>
      fault({
        restoredAt: new Date(
          Date.parse('2026-03-01T10:00:00+08:00') + minutes * 60_000,
        ).toISOString(),
      });
    const limit = (YEAR_MINUTES * 5) / 1000;
    expect(card({ faults: [down(limit)] }).availability.outcome).toBe('pass');
    expect(card({ faults: [down(limit + 1)] }).availability.outcome).toBe('fail');
  });

  it('counts a system still down until now, and a year not begun has no data', () => {
    const now = '2026-01-02T00:00:00+08:00';
    const m = availability(
      {
        ...empty,
        now,
        faults: [fault({ reportedAt: '2026-01-01T12:00:00+08:00', restoredAt: null })],
      },
      [],
    );
    expect(m.counts).toMatchObject({ plannedMinutes: 1440, outageMinutes: 720 });
    expect(availability({ ...empty, now: '2025-12-01T00:00:00Z' }, []).value).toBeNull();
  });

  it('uses a manual availability with its note, and leaves switched-off indicators out of the verdict', () => {
    const t = defaultAssessmentTemplate();
    t.availability = {
      manualPercent: 99.2,
      manualNote: 'monitoring export',
      maintenanceWindows: [],
    };
    t.indicators = t.indicators.map((s) => ({
      ...s,
      enabled: s.key === 'availability' || s.key === 'task_completion',
    }));
    const sc = scorecard({ ...empty, duties: [duty('d1', 'signed')] }, t);
    const a = sc.indicators.find((i) => i.key === 'availability')!;
    expect([a.value, a.outcome, a.manual]).toEqual([99.2, 'fail', { note: 'monitoring export' }]);
    expect(sc.indicators.find((i) => i.key === 'satisfaction')!.outcome).toBe('disabled');
    expect(sc.overall).toBe('fail');
  });

  it('compares an at-most count target inclusively', () => {
    const rule = { unit: 'count', comparison: 'at_most' } as const;
    expect(meetsTarget(rule, 2, { value: 2, ratio: null })).toBe(true);
    expect(meetsTarget(rule, 2, { value: 3, ratio: null })).toBe(false);
  });
});

describe('the assessment template', () => {
  it('accepts the defaults', () => {
    expect(templateProblems(defaultAssessmentTemplate())).toEqual([]);
  });

  it('adds an indicator a stored template predates at its default', () => {
    const t = defaultAssessmentTemplate();
    const stored = { ...t, indicators: t.indicators.slice(1) };
    expect(
      withDefaults(stored)
        .indicators.map((s) => s.key)
        .sort(),
    ).toEqual(t.indicators.map((s) => s.key).sort());
  });

  it('names every problem by field', () => {
    const t = defaultAssessmentTemplate();
    t.indicators[0].target = 100.001;
    t.indicators[1].target = 1.5;
    t.indicators[6] = { ...t.indicators[5] };
    t.availability = {
      manualPercent: 99,
      manualNote: ' ',
      maintenanceWindows: [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z', note: '' }],
    };
    expect(templateProblems(t).map((p) => p.field)).toEqual([
      'indicators.0.target',
      'indicators.1.target',
      'indicators.6.key',
      'indicators',
      'availability.manualNote',
      'availability.maintenanceWindows.0.to',
    ]);
  });
});
