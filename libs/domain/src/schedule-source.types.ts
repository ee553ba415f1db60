/**
 * Where a year's holiday schedule comes from: loaded by an admin, shipped with chinese-days
 * (both official), or computed from weekends and the fixed holidays (provisional).
 */
export const SCHEDULE_SOURCES = ['override', 'builtin', 'provisional'] as const;
export type ScheduleSource = (typeof SCHEDULE_SOURCES)[number];

export function isOfficialSource(source: ScheduleSource): boolean {
  return source !== 'provisional';
}
