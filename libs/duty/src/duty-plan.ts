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
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const int = (v: unknown, min: number, max: number): boolean =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

function cadenceProblems(c: DutyCadence): FieldProblem[] {
  const bad = (field: string, message: string): FieldProblem[] => [
    { field: `cadence.${field}`, message },
  ];
  switch (c.type) {
    case 'monthly':
      return int(c.day, 1, 31) ? [] : bad('day', 'must be 1 to 31');
    case 'quarterly':
      return [
        ...(int(c.month, 1, 3) ? [] : bad('month', 'must be 1 to 3')),
        ...(int(c.day, 1, 31) ? [] : bad('day', 'must be 1 to 31')),
      ];
    case 'times_a_year':
      return [1, 2, 3, 4, 6, 12].includes(c.times)
        ? []
        : bad('times', 'must be 1, 2, 3, 4, 6 or 12');
    case 'weekly':
      return int(c.weekday, 1, 7) ? [] : bad('weekday', 'must be 1 (Monday) to 7 (Sunday)');
    case 'before_holidays':
      return int(c.workingDaysBefore, 1, 20) ? [] : bad('workingDaysBefore', 'must be 1 to 20');
    case 'during_holidays':
      return [];
    case 'dates': {
      const dates = Array.isArray(c.dates) ? c.dates : [];
      if (dates.length === 0 || dates.length > 366) return bad('dates', 'must list 1 to 366 days');
      const wrong = dates.find((d) => typeof d !== 'string' || !DAY.test(d) || !realDay(d));
      return wrong === undefined ? [] : bad('dates', `"${wrong}" is not a YYYY-MM-DD day`);
    }
    default:
      return bad('type', `must be one of ${DUTY_CADENCES.join(', ')}`);
  }
}

const realDay = (d: string): boolean => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** Every problem of a plan at once, each naming its field; systems are the contract's. */
export function dutyPlanProblems(plan: DutyPlan, systems: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const text = (field: string, v: unknown, max: number): void => {
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push(fieldProblem(field, 'field.required', { field }));
    } else if (v.length > max)
      problems.push({ field, message: `must be at most ${max} characters` });
  };
  if (!DUTY_KINDS.includes(plan.kind)) {
    problems.push({ field: 'kind', message: `must be one of ${DUTY_KINDS.join(', ')}` });
  }
  if (plan.kind === 'custom') text('customKind', plan.customKind, 50);
  text('title', plan.title, 200);
  if (!Array.isArray(plan.systems) || plan.systems.length === 0) {
    problems.push(fieldProblem('systems', 'field.required', { field: 'systems' }));
  } else if (plan.systems.some((s) => !systems.includes(s))) {
    problems.push(fieldProblem('systems', 'field.unknown_system', { known: systems }));
  }
  problems.push(...cadenceProblems(plan.cadence));
  if (plan.windowDays !== null && !int(plan.windowDays, 0, 366)) {
    problems.push({ field: 'windowDays', message: 'must be 0 to 366, or null' });
  }
  if (!int(plan.deadline?.workingDays, 0, 60)) {
    problems.push({ field: 'deadline.workingDays', message: 'must be 0 to 60' });
  }
  if (plan.deadline?.time != null && !TIME.test(plan.deadline.time)) {
    problems.push({ field: 'deadline.time', message: 'must be HH:mm' });
  }
  if (!int(plan.reminderWorkingDays, 0, 20)) {
    problems.push({ field: 'reminderWorkingDays', message: 'must be 0 to 20' });
  }
  const keys = new Set<string>();
  (Array.isArray(plan.checklist) ? plan.checklist : []).forEach((item, i) => {
    text(`checklist.${i}.text`, item.text, 500);
    if (typeof item.expected !== 'string' || item.expected.length > 500) {
      problems.push({
        field: `checklist.${i}.expected`,
        message: 'must be at most 500 characters',
      });
    }
    if (
      typeof item.key !== 'string' ||
      !/^[a-z0-9_-]{1,40}$/.test(item.key) ||
      keys.has(item.key)
    ) {
      problems.push({ field: `checklist.${i}.key`, message: 'must be a unique key [a-z0-9_-]' });
    }
    keys.add(item.key);
  });
  if ((plan.checklist?.length ?? 0) > 100) {
    problems.push({ field: 'checklist', message: 'must have at most 100 items' });
  }
  const signers = Array.isArray(plan.signers) ? plan.signers : [];
  if (
    signers.length === 0 ||
    signers.some((r) => !DUTY_SIGNER_ROLES.includes(r)) ||
    new Set(signers).size !== signers.length
  ) {
    problems.push({
      field: 'signers',
      message: `must name one or more of ${DUTY_SIGNER_ROLES.join(', ')}, each once`,
    });
  }
  return problems;
}
