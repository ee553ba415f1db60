import { fieldProblem, type FieldProblem, type Role } from '@luyue/domain';

/** What a duty is; a contract may add kinds of its own (`custom` with a name). */
export const DUTY_KINDS = [
  'inspection',
  'backup_check',
  'drill',
  'holiday_duty',
  'report',
  'custom',
] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/** 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** How often the duty falls due in a contract year (rule 7). */
export type DutyCadence =
  /** On `day` of every month (the month's last day when it is shorter). */
  | { type: 'monthly'; day: number }
  /** On `day` of the `month`-th (1–3) month of every calendar quarter. */
  | { type: 'quarterly'; month: number; day: number }
  /** `times` evenly spread periods of the contract year, due on each period's last day. */
  | { type: 'times_a_year'; times: number }
  /** Every week on `weekday`. */
  | { type: 'weekly'; weekday: Weekday }
  /** `workingDaysBefore` working days before each statutory holiday of the year. */
  | { type: 'before_holidays'; workingDaysBefore: number }
  /** During each statutory holiday (holiday duty): due on its last day. */
  | { type: 'during_holidays' }
  /** On listed days. */
  | { type: 'dates'; dates: string[] };
export const DUTY_CADENCES = [
  'monthly',
  'quarterly',
  'times_a_year',
  'weekly',
  'before_holidays',
  'during_holidays',
  'dates',
] as const satisfies readonly DutyCadence['type'][];

/**
 * When the record (or report) is due: `workingDays` working days after the duty's day (0: on
 * the day itself), at `time` (HH:mm, Asia/Shanghai) or by the end of that day.
 */
export interface DutyDeadline {
  workingDays: number;
  time: string | null;
}

/** One line of the checklist and the answer expected of it. */
export interface ChecklistItem {
  key: string;
  text: string;
  expected: string;
}

/** Hospital roles that sign a record; the duty is done once each has signed. */
export const DUTY_SIGNER_ROLES = ['hospital_manager', 'hospital_staff'] as const satisfies Role[];
export type DutySignerRole = (typeof DUTY_SIGNER_ROLES)[number];

/** A contract's recurring duty: what, on which systems, how often, by when, checked and signed how. */
export interface DutyPlan {
  kind: DutyKind;
  /** The name of a `custom` kind. */
  customKind: string | null;
  title: string;
  systems: string[];
  cadence: DutyCadence;
  /** Calendar days before its day the duty may be done; null: from the cadence's period start. */
  windowDays: number | null;
  deadline: DutyDeadline;
  /** Working days before the record's deadline the vendor is reminded (0: none). */
  reminderWorkingDays: number;
  checklist: ChecklistItem[];
  signers: DutySignerRole[];
}

export const DUTY_TEXT_MAX = 4000;

/** What can be wrong with a field of a plan (the wording catalogue says each to a person). */
export const DUTY_PLAN_PROBLEMS = [
  'kind',
  'range',
  'times',
  'dates',
  'time',
  'too_long',
  'checklist_key',
  'checklist_count',
  'signers',
] as const;
export type DutyPlanProblem = (typeof DUTY_PLAN_PROBLEMS)[number];

/** A refused field: the English the REST envelope carries, the rule for the zh-CN, its bounds. */
const problemAt = (
  field: string,
  problem: DutyPlanProblem,
  detail: string,
  bounds: { min?: number; max?: number } = {},
): FieldProblem => fieldProblem(field, 'field.duty_plan', { problem, detail, ...bounds });
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const int = (v: unknown, min: number, max: number): boolean =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

function cadenceProblems(c: DutyCadence): FieldProblem[] {
  const range = (field: string, v: unknown, min: number, max: number): FieldProblem[] =>
    int(v, min, max)
      ? []
      : [problemAt(`cadence.${field}`, 'range', `must be ${min} to ${max}`, { min, max })];
  switch (c.type) {
    case 'monthly':
      return range('day', c.day, 1, 31);
    case 'quarterly':
      return [...range('month', c.month, 1, 3), ...range('day', c.day, 1, 31)];
    case 'times_a_year':
      return [1, 2, 3, 4, 6, 12].includes(c.times)
        ? []
        : [problemAt('cadence.times', 'times', 'must be 1, 2, 3, 4, 6 or 12')];
    case 'weekly':
      return range('weekday', c.weekday, 1, 7);
    case 'before_holidays':
      return range('workingDaysBefore', c.workingDaysBefore, 1, 20);
    case 'during_holidays':
      return [];
    case 'dates': {
      const dates = Array.isArray(c.dates) ? c.dates : [];
      const wrong = dates.find((d) => typeof d !== 'string' || !DAY.test(d) || !realDay(d));
      if (dates.length === 0 || dates.length > 366 || wrong !== undefined) {
        const detail =
          wrong === undefined ? 'must list 1 to 366 days' : `"${wrong}" is not a YYYY-MM-DD day`;
        return [problemAt('cadence.dates', 'dates', detail)];
      }
      return [];
    }
    default:
      return [problemAt('cadence.type', 'kind', `must be one of ${DUTY_CADENCES.join(', ')}`)];
  }
}

const realDay = (d: string): boolean => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** Every problem of a plan at once, each naming its field; systems are the contract's. */
export function dutyPlanProblems(plan: DutyPlan, systems: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = (field: string, v: unknown, max: number): void => {
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push(fieldProblem(field, 'field.required', { field }));
    } else if (v.length > max) {
      problems.push(problemAt(field, 'too_long', `must be at most ${max} characters`, { max }));
    }
  };
  if (!DUTY_KINDS.includes(plan.kind)) {
    problems.push(problemAt('kind', 'kind', `must be one of ${DUTY_KINDS.join(', ')}`));
  }
  if (plan.kind === 'custom') text('customKind', plan.customKind, 50);
  text('title', plan.title, 200);
  if (!Array.isArray(plan.systems) || plan.systems.length === 0) {
    problems.push(fieldProblem('systems', 'field.required', { field: 'systems' }));
  } else if (plan.systems.some((s) => !systems.includes(s))) {
    problems.push(fieldProblem('systems', 'field.unknown_system', { known: systems }));
  }
  problems.push(...cadenceProblems(plan.cadence));
  const range = (field: string, v: unknown, min: number, max: number): void => {
    if (!int(v, min, max)) {
      problems.push(problemAt(field, 'range', `must be ${min} to ${max}`, { min, max }));
    }
  };
  if (plan.windowDays !== null) range('windowDays', plan.windowDays, 0, 366);
  range('deadline.workingDays', plan.deadline?.workingDays, 0, 60);
  if (plan.deadline?.time != null && !TIME.test(plan.deadline.time)) {
    problems.push(problemAt('deadline.time', 'time', 'must be HH:mm'));
  }
  range('reminderWorkingDays', plan.reminderWorkingDays, 0, 20);
  const keys = new Set<string>();
  (Array.isArray(plan.checklist) ? plan.checklist : []).forEach((item, i) => {
    text(`checklist.${i}.text`, item.text, 500);
    if (typeof item.expected !== 'string' || item.expected.length > 500) {
      problems.push(
        problemAt(`checklist.${i}.expected`, 'too_long', 'must be at most 500 characters', {
          max: 500,
        }),
      );
    }
    if (
      typeof item.key !== 'string' ||
      !/^[a-z0-9_-]{1,40}$/.test(item.key) ||
      keys.has(item.key)
    ) {
      problems.push(
        problemAt(`checklist.${i}.key`, 'checklist_key', 'must be a unique key [a-z0-9_-]'),
      );
    }
    keys.add(item.key);
  });
  if ((plan.checklist?.length ?? 0) > 100) {
    problems.push(
      problemAt('checklist', 'checklist_count', 'must have at most 100 items', { max: 100 }),
    );
  }
  const signers = Array.isArray(plan.signers) ? plan.signers : [];
  if (
    signers.length === 0 ||
    signers.some((r) => !DUTY_SIGNER_ROLES.includes(r)) ||
    new Set(signers).size !== signers.length
  ) {
    problems.push(
      problemAt(
        'signers',
        'signers',
        `must name one or more of ${DUTY_SIGNER_ROLES.join(', ')}, each once`,
      ),
    );
  }
  return problems;
}
