import { coverage, CoverageError, parseCoverage, ROUND_THE_CLOCK, WORKING_HOURS } from './coverage';

const H = 3_600_000;

describe('coverage', () => {
  it('defines 工作时间 as working days 08:00–12:00 and 13:30–17:30 (8 hours a day)', () => {
    expect(WORKING_HOURS.days).toBe('working');
    expect(WORKING_HOURS.segments).toEqual([
      { startMs: 8 * H, endMs: 12 * H },
      { startMs: 13.5 * H, endMs: 17.5 * H },
    ]);
    expect(WORKING_HOURS.dailyMs).toBe(8 * H);
  });

  it('defines 7×24 as every day 00:00–24:00', () => {
    expect(ROUND_THE_CLOCK).toEqual({
      days: 'all',
      segments: [{ startMs: 0, endMs: 24 * H }],
      dailyMs: 24 * H,
    });
  });

  it('parses the query-string form, touching segments allowed', () => {
    expect(parseCoverage('all', '00:00-12:00,12:00-24:00').dailyMs).toBe(24 * H);
  });

  it.each([
    ['8:00-12:00', 'malformed'],
    ['08:00-12:60', 'malformed'],
    ['24:00-24:00', 'malformed'], // 24:00 only as an end
    ['08:00-12:00-13:00', 'malformed'],
    ['08:00', 'malformed'],
    ['', 'malformed'],
    ['12:00-08:00', 'start_not_before_end'],
    ['08:00-08:00', 'start_not_before_end'],
    ['13:30-17:30,08:00-12:00', 'unsorted_or_overlapping'],
    ['08:00-12:00,11:00-13:00', 'unsorted_or_overlapping'],
    ['08:00-12:00,08:00-12:00', 'unsorted_or_overlapping'],
  ])('refuses %p as %s', (segments, problem) => {
    expect(() => parseCoverage('working', segments)).toThrow(
      expect.objectContaining({ problem }) as CoverageError,
    );
  });

  it('refuses no segments and an unknown day set', () => {
    expect(() => coverage('working', [])).toThrow(CoverageError);
    expect(() => coverage('weekends' as never, ['08:00-12:00'])).toThrow(RangeError);
  });
});
