import { REQUIREMENT_BREACH_KINDS, type RequirementBreachKind } from '../requirement.types';
import type { RequirementStats } from './requirement.read-models';

/** count(*) comes back from pg as a string (bigint). */
export interface StatsCounts {
  submitted: string;
  confirmed: string;
  accepted: string;
  released: string;
  released_on_time: string;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * The yearly figures: completion rate = accepted ÷ confirmed (approved at some point), on-time
 * delivery = released on time ÷ released; every breach kind is listed, zero included.
 */
export function toStats(
  contractYear: number,
  counts: StatsCounts,
  breaches: ReadonlyArray<{ kind: RequirementBreachKind; n: string }>,
  assessmentWorkingDays: readonly number[],
): RequirementStats {
  const confirmed = Number(counts.confirmed);
  const accepted = Number(counts.accepted);
  const released = Number(counts.released);
  const releasedOnTime = Number(counts.released_on_time);
  const byKind: Record<string, number> = Object.fromEntries(
    REQUIREMENT_BREACH_KINDS.map((kind) => [kind, 0]),
  );
  for (const b of breaches) byKind[b.kind] = Number(b.n);
  const sum = assessmentWorkingDays.reduce((a, b) => a + b, 0);
  return {
    contractYear,
    submitted: Number(counts.submitted),
    confirmed,
    accepted,
    completionRate: ratio(accepted, confirmed),
    released,
    releasedOnTime,
    onTimeDeliveryRate: ratio(releasedOnTime, released),
    assessmentBreaches: byKind.assessment_overdue,
    breaches: byKind,
    averageAssessmentWorkingDays:
      assessmentWorkingDays.length === 0
        ? null
        : Math.round((sum / assessmentWorkingDays.length) * 100) / 100,
  };
}
