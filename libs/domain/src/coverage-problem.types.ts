/** Why a coverage's daily segments were refused (the calendar library's CoverageError). */
export const COVERAGE_PROBLEMS = [
  'malformed',
  'empty',
  'start_not_before_end',
  'unsorted_or_overlapping',
] as const;
export type CoverageProblem = (typeof COVERAGE_PROBLEMS)[number];
