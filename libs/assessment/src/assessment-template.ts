import {
  ASSESSMENT_INDICATOR_KEYS,
  type AssessmentIndicatorKey,
  type AssessmentTemplateProblem,
} from '@luyue/domain';

export { ASSESSMENT_INDICATOR_KEYS, type AssessmentIndicatorKey };

/** How an indicator's value is read against its target. */
export interface IndicatorRule {
  unit: 'percent' | 'count' | 'points';
  comparison: 'at_least' | 'at_most';
  /** The contracts' figure (rule 8), the template's default. */
  defaultTarget: number;
}

export const INDICATOR_RULES: Record<AssessmentIndicatorKey, IndicatorRule> = {
  availability: { unit: 'percent', comparison: 'at_least', defaultTarget: 99.5 },
  // Every overrun counts once (rule 6); the default asks for none.
  fault_response: { unit: 'count', comparison: 'at_most', defaultTarget: 0 },
  task_completion: { unit: 'percent', comparison: 'at_least', defaultTarget: 100 },
  requirement_completion: { unit: 'percent', comparison: 'at_least', defaultTarget: 95 },
  security_remediation: { unit: 'percent', comparison: 'at_least', defaultTarget: 100 },
  satisfaction: { unit: 'points', comparison: 'at_least', defaultTarget: 90 },
  it_department_score: { unit: 'points', comparison: 'at_least', defaultTarget: 90 },
};

export interface IndicatorSetting {
  key: AssessmentIndicatorKey;
  enabled: boolean;
  target: number;
}

/** A window the hospital approved for planned maintenance: not planned running time. */
export interface MaintenanceWindow {
  from: string;
  to: string;
  note: string;
}

export interface AvailabilitySource {
  /** The hospital's monitoring platform's figure (percent), when that is the agreed source. */
  manualPercent: number | null;
  manualNote: string;
  maintenanceWindows: MaintenanceWindow[];
}

export interface AssessmentTemplate {
  indicators: IndicatorSetting[];
  availability: AvailabilitySource;
}

export function defaultAssessmentTemplate(): AssessmentTemplate {
  return {
    indicators: ASSESSMENT_INDICATOR_KEYS.map((key) => ({
      key,
      enabled: true,
      target: INDICATOR_RULES[key].defaultTarget,
    })),
    availability: { manualPercent: null, manualNote: '', maintenanceWindows: [] },
  };
}

/** A stored template with any indicator it predates added at its default, switched on. */
export function withDefaults(stored: AssessmentTemplate): AssessmentTemplate {
  const listed = new Set(stored.indicators.map((s) => s.key));
  return {
    ...stored,
    indicators: [
      ...stored.indicators,
      ...defaultAssessmentTemplate().indicators.filter((s) => !listed.has(s.key)),
    ],
  };
}

export interface TemplateProblem {
  field: string;
  problem: AssessmentTemplateProblem;
  key?: AssessmentIndicatorKey;
}

/** Percent targets are compared exactly in hundredths of a percent, so two decimals at most. */
const hundredths = (v: number): boolean =>
  Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9;

/** Every problem of a template at once, by field; the DTO has checked the shapes already. */
export function templateProblems(t: AssessmentTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  t.indicators.forEach((s, i) => {
    const field = `indicators.${i}`;
    if (seen.has(s.key)) problems.push({ field: `${field}.key`, problem: 'duplicate' });
    seen.add(s.key);
    const rule = INDICATOR_RULES[s.key];
    if (!rule) return;
    const ok =
      rule.unit === 'count'
        ? Number.isInteger(s.target) && s.target >= 0
        : s.target >= 0 && s.target <= 100 && hundredths(s.target);
    if (!ok)
      problems.push({ field: `${field}.target`, problem: `out_of_range_${rule.unit}` as const });
  });
  for (const key of ASSESSMENT_INDICATOR_KEYS) {
    if (!seen.has(key)) problems.push({ field: 'indicators', problem: 'missing', key });
  }
  const a = t.availability;
  if (
    a.manualPercent !== null &&
    !(a.manualPercent >= 0 && a.manualPercent <= 100 && hundredths(a.manualPercent))
  ) {
    problems.push({ field: 'availability.manualPercent', problem: 'out_of_range_percent' });
  }
  if (a.manualPercent !== null && a.manualNote.trim() === '') {
    problems.push({ field: 'availability.manualNote', problem: 'required_with_manual' });
  }
  a.maintenanceWindows.forEach((w, i) => {
    if (!(Date.parse(w.from) < Date.parse(w.to))) {
      problems.push({
        field: `availability.maintenanceWindows.${i}.to`,
        problem: 'not_after_from',
      });
    }
  });
  return problems;
}
