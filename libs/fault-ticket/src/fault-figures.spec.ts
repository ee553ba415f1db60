import {
  attainment,
  faultFigures,
  majorBreachOf,
  minuteSpread,
  pauseCount,
  yearFigures,
  type FigureTicket,
} from './fault-figures';
import type { FaultClock } from './fault-clock';
import type { FaultLevel, SlaClock } from './sla-policy';

const MIN = 60_000;
type Clock = FigureTicket['clocks'][number];

/** A clock in one of the four states the figures tell apart. */
function clock(kind: SlaClock, how: 'met' | 'late' | 'running' | 'overdue', minutes = 0): Clock {
  const stopped = how === 'met' || how === 'late';
  const c: Partial<FaultClock> = {
    kind,
    countedMs: minutes * MIN,
    stoppedAt: stopped ? '2026-03-02T02:00:00.000Z' : null,
    met: how === 'met' ? true : how === 'late' ? false : null,
    breachedAt: how === 'late' || how === 'overdue' ? '2026-03-02T01:00:00.000Z' : null,
  };
  return c as Clock;
}

const ticket = (level: FaultLevel, ...clocks: Clock[]): FigureTicket => ({ level, clocks });

describe('fault figures', () => {
  it('rates attainment as met ÷ (met + breached): running clocks count only once breached', () => {
    const a = attainment([
      clock('response', 'met'),
      clock('response', 'met'),
      clock('response', 'met'),
      clock('response', 'late'),
      clock('response', 'overdue'),
      clock('response', 'running'),
    ]);
    expect(a).toEqual({ met: 3, breached: 2, running: 1, rate: 0.6 });
    expect(attainment([clock('response', 'running')]).rate).toBeNull();
  });

  it('counts a clock breached then extended and met as an overrun, not as met', () => {
    const extended = { ...clock('recovery', 'met'), breachedAt: '2026-03-02T01:00:00.000Z' };
    expect(attainment([extended])).toEqual({ met: 0, breached: 1, running: 0, rate: 0 });
  });

  it('counts one overrun per breached clock of every kind, and restore time of restored tickets', () => {
    const f = faultFigures([
      ticket('level_1', clock('response', 'late'), clock('recovery', 'met', 20)),
      ticket(
        'level_1',
        clock('response', 'met'),
        clock('recovery', 'late', 45),
        clock('report', 'overdue'),
      ),
      ticket('level_1', clock('response', 'met'), clock('recovery', 'running', 5)),
    ]);
    expect(f.tickets).toBe(3);
    expect(f.overruns).toBe(3);
    expect(f.overrunsByClock).toEqual({ response: 1, onsite: 0, recovery: 1, report: 1 });
    expect(f.recovery).toEqual({ met: 1, breached: 1, running: 1, rate: 0.5 });
    expect(f.timeToRestore).toEqual({ count: 2, median: 32.5, p90: 45 });
  });

  it('takes the median of the middle two and p90 by nearest rank', () => {
    expect(minuteSpread([])).toEqual({ count: 0, median: null, p90: null });
    expect(minuteSpread([7])).toEqual({ count: 1, median: 7, p90: 7 });
    const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(minuteSpread(ten)).toEqual({ count: 10, median: 5.5, p90: 9 });
  });

  it('warns at 4 一级 or 9 二级 overruns and calls 5 or 10 a major breach', () => {
    expect(majorBreachOf('level_1', 3)).toMatchObject({ warning: false, breached: false });
    expect(majorBreachOf('level_1', 4)).toMatchObject({ warning: true, breached: false });
    expect(majorBreachOf('level_1', 5)).toMatchObject({ warning: true, breached: true });
    expect(majorBreachOf('level_2', 8)).toMatchObject({ warning: false, breached: false });
    expect(majorBreachOf('level_2', 9)).toMatchObject({ warning: true, breached: false });
    expect(majorBreachOf('level_2', 10)).toMatchObject({ warnAt: 9, breachAt: 10, breached: true });
    expect(majorBreachOf('level_3', 50)).toBeNull();
  });

  it('gives every level its figures and the year its total', () => {
    const late = () => ticket('level_1', clock('response', 'late'), clock('recovery', 'late', 40));
    const y = yearFigures([late(), late(), ticket('level_3', clock('response', 'met'))]);
    expect(y.levels.map((l) => [l.level, l.tickets, l.overruns])).toEqual([
      ['level_1', 2, 4],
      ['level_2', 0, 0],
      ['level_3', 1, 0],
      ['level_4', 0, 0],
    ]);
    expect(y.levels[0].majorBreach).toMatchObject({ warning: true, breached: false });
    expect(y.levels[1].response.rate).toBeNull();
    expect(y.total).toMatchObject({ tickets: 3, overruns: 4 });
  });

  it('counts the pauses asked for and not refused', () => {
    const log = ['reported', 'pause', 'refuse-pause', 'pause', 'resume', 'pause'].map((step) => ({
      step,
    }));
    expect(pauseCount({ log } as never)).toBe(2);
  });
});
