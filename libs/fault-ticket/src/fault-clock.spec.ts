import { WorkingDayCalendar } from '@luyue/calendar';
import { coverageMath } from './activities/coverage-math';
import { advanceClocks, warningThresholds } from './fault-clock';
import { DEFAULT_SLA_POLICY } from './sla-policy';

const sh = (local: string) => new Date(`${local}+08:00`).toISOString();
const math = coverageMath(new WorkingDayCalendar());
const { coverages, levels } = DEFAULT_SLA_POLICY;

describe('fault clocks', () => {
  it('gives a 四级 remote fix the rest of the working day, due at 17:30', () => {
    const [recovery] = advanceClocks(math, [], sh('2025-09-26T14:00:00'), [
      {
        op: 'start',
        kind: 'recovery',
        policy: levels.level_4.recovery,
        coverage: coverages.working_hours,
        level: 'level_4',
        from: sh('2025-09-26T14:00:00'),
      },
    ]);
    expect([recovery.budgetMinutes, recovery.dueAt]).toEqual([210, sh('2025-09-26T17:30:00')]);
  });

  it('gives a 四级 fault reported in the evening the whole next working day', () => {
    const [recovery] = advanceClocks(math, [], sh('2025-09-26T20:00:00'), [
      {
        op: 'start',
        kind: 'recovery',
        policy: levels.level_4.recovery,
        coverage: coverages.working_hours,
        level: 'level_4',
        from: sh('2025-09-26T20:00:00'),
      },
    ]);
    // Saturday 09-27 is off; Sunday 09-28 is the 调休 working day.
    expect([recovery.budgetMinutes, recovery.dueAt]).toEqual([480, sh('2025-09-28T17:30:00')]);
  });

  it('warns at 50 % and 80 % of the budget, or N covered minutes before it is due', () => {
    expect(
      warningThresholds({ budgetMinutes: 10, warnings: [{ percent: 50 }, { percent: 80 }] }),
    ).toEqual([300_000, 480_000]);
    expect(
      warningThresholds({ budgetMinutes: 10, warnings: [{ minutesBefore: 3 }, { percent: 100 }] }),
    ).toEqual([420_000]);
  });

  it('counts nothing while paused and keeps what was counted', () => {
    const start = sh('2031-03-04T10:00:00');
    const started = advanceClocks(math, [], start, [
      {
        op: 'start',
        kind: 'recovery',
        policy: levels.level_2.recovery,
        coverage: coverages.round_the_clock,
        level: 'level_2',
        from: start,
      },
    ]);
    const paused = advanceClocks(math, started, sh('2031-03-04T10:30:00'), [{ op: 'pause' }]);
    const resumed = advanceClocks(math, paused, sh('2031-03-04T12:00:00'), [{ op: 'resume' }]);
    expect([paused[0].countedMs, paused[0].dueAt, resumed[0].dueAt]).toEqual([
      30 * 60_000,
      null,
      sh('2031-03-04T13:30:00'),
    ]);
  });
});
