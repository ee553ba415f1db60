// A coverage: which Shanghai days a clock runs on and which daily segments of them count.
// Segments are half-open [start, end) in milliseconds into the Shanghai day, so a clock whose
// last covered minute ends at 17:30 is due at 17:30 and 17:30 itself is no longer covered.

import type { CoverageProblem } from '@luyue/domain';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HH_MM = /^(\d{2}):(\d{2})$/;

/** `working`: PRC working days (swapped working weekends included, holidays excluded); `all`: every day. */
export type CoverageDays = 'working' | 'all';
export const COVERAGE_DAYS: readonly CoverageDays[] = ['working', 'all'];

export interface CoverageSegment {
  readonly startMs: number;
  readonly endMs: number;
}

export interface Coverage {
  readonly days: CoverageDays;
  /** Sorted, non-overlapping, non-empty; touching segments are allowed. */
  readonly segments: readonly CoverageSegment[];
  /** Covered milliseconds of one covered day. */
  readonly dailyMs: number;
}

/** Names the problem (the wording catalogue says it to people) and the segment at fault. */
export class CoverageError extends RangeError {
  constructor(
    readonly problem: CoverageProblem,
    readonly segment?: string,
  ) {
    super(`coverage segments: ${problem}${segment === undefined ? '' : ` at "${segment}"`}`);
    this.name = 'CoverageError';
  }
}

/** `HH:mm` as milliseconds into the day; `24:00` only where `endOfDay` allows it. */
function parseTime(text: string, endOfDay: boolean): number | undefined {
  const m = HH_MM.exec(text);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h === 24 && min === 0 && endOfDay) return DAY_MS;
  if (h > 23 || min > 59) return undefined;
  return (h * 60 + min) * MINUTE_MS;
}

/** Validated coverage from `HH:mm-HH:mm` segments, in order of the day. */
export function coverage(days: CoverageDays, segments: readonly string[]): Coverage {
  if (!COVERAGE_DAYS.includes(days)) throw new RangeError(`unknown day set ${String(days)}`);
  if (segments.length === 0) throw new CoverageError('empty');
  const parsed: CoverageSegment[] = [];
  for (const text of segments) {
    const [start, end, extra] = text.split('-');
    const startMs = start === undefined ? undefined : parseTime(start, false);
    const endMs = end === undefined ? undefined : parseTime(end, true);
    if (startMs === undefined || endMs === undefined || extra !== undefined) {
      throw new CoverageError('malformed', text);
    }
    if (startMs >= endMs) {
      throw new CoverageError('start_not_before_end', text);
    }
    const previous = parsed.at(-1);
    if (previous && startMs < previous.endMs) {
      throw new CoverageError('unsorted_or_overlapping', text);
    }
    parsed.push({ startMs, endMs });
  }
  const dailyMs = parsed.reduce((sum, s) => sum + s.endMs - s.startMs, 0);
  return { days, segments: parsed, dailyMs };
}

/** Why these segments make no coverage (in English, for the API's field message), or null. */
export function coverageProblem(days: CoverageDays, segments: readonly string[]): string | null {
  try {
    coverage(days, segments);
    return null;
  } catch (error) {
    if (error instanceof CoverageError || error instanceof RangeError) return error.message;
    throw error;
  }
}

/** `08:00-12:00,13:30-17:30` → a coverage (the query-string form). */
export function parseCoverage(days: CoverageDays, segments: string): Coverage {
  return coverage(days, segments.split(','));
}

/** Working hours (CALENDAR_TERMS.workingHours): working days, 08:00–12:00 and 13:30–17:30. */
export const WORKING_HOURS_SEGMENTS = ['08:00-12:00', '13:30-17:30'] as const;
export const WORKING_HOURS: Coverage = coverage('working', WORKING_HOURS_SEGMENTS);

/** 7×24: every day, all day. */
export const ROUND_THE_CLOCK: Coverage = coverage('all', ['00:00-24:00']);
