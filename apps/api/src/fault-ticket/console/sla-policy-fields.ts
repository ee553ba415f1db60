import {
  CONSTRAINT_MESSAGES,
  COVERAGE_DAYS_LABELS,
  DomainError,
  FAULT_COVERAGE_LABELS,
  FAULT_REPORT_NAMES,
  fieldProblemsOf,
  fieldProblemZh,
  SLA_BUDGET_KIND_LABELS,
  SLA_POLICY_WORDS,
} from '@luyue/domain';
import {
  FAULT_LEVELS,
  REQUIRED_SLA_CLOCKS,
  SLA_CLOCKS,
  warningPointOk,
  type ClockPolicy,
  type FaultLevel,
  type LevelPolicy,
  type SlaClock,
  type SlaPolicy,
  type WarningPoint,
} from '@luyue/fault-ticket/definitions';
import { isUnstorable } from '../../common/text-rules';
import { FORM_ERROR, options, type Field } from '../../console/console-field';
import type { FormRefusal } from '../../kit/console-action';

const W = SLA_POLICY_WORDS;
const BUDGET_KINDS = ['minutes', 'end_of_day', 'off'] as const;
type BudgetKind = (typeof BUDGET_KINDS)[number];

const isRequired = (kind: SlaClock): boolean =>
  (REQUIRED_SLA_CLOCKS as readonly SlaClock[]).includes(kind);

/** The form name of one setting of a clock: `level_1.response.minutes`. */
const nameOf = (level: FaultLevel, kind: SlaClock, setting: string): string =>
  `${level}.${kind}.${setting}`;

/** A coverage as the select names it: its catalogue name, else its days and segments. */
function coverageLabel(policy: SlaPolicy, name: string): string {
  const spec = policy.coverages[name];
  return (
    FAULT_COVERAGE_LABELS[name] ??
    (spec ? `${COVERAGE_DAYS_LABELS[spec.days]} ${spec.segments.join('、')}` : name)
  );
}

/** The controls of one clock: how its budget is given, minutes, coverage, warnings, report. */
export function clockFields(policy: SlaPolicy, level: FaultLevel, kind: SlaClock): Field[] {
  const kinds = isRequired(kind) ? BUDGET_KINDS.filter((k) => k !== 'off') : BUDGET_KINDS;
  const reportNames = Object.keys(FAULT_REPORT_NAMES);
  const current = policy.levels[level][kind]?.reportName;
  if (current && !reportNames.includes(current)) reportNames.push(current);
  return [
    {
      name: nameOf(level, kind, 'budgetKind'),
      label: W.budgetKind,
      type: 'select',
      required: true,
      options: options(kinds, SLA_BUDGET_KIND_LABELS),
    },
    { name: nameOf(level, kind, 'minutes'), label: W.minutes, type: 'number' },
    {
      name: nameOf(level, kind, 'coverage'),
      label: W.coverage,
      type: 'select',
      options: Object.keys(policy.coverages).map((c) => ({
        value: c,
        label: coverageLabel(policy, c),
      })),
    },
    {
      name: nameOf(level, kind, 'warnPercent'),
      label: W.warnPercent,
      type: 'text',
      hint: W.warnPercentHint,
    },
    {
      name: nameOf(level, kind, 'warnMinutes'),
      label: W.warnMinutes,
      type: 'text',
      hint: W.warnMinutesHint,
    },
    ...(kind === 'report'
      ? [
          {
            name: nameOf(level, kind, 'reportName'),
            label: W.reportName,
            type: 'select',
            options: reportNames.map((n) => ({ value: n, label: FAULT_REPORT_NAMES[n] ?? n })),
          } satisfies Field,
        ]
      : []),
  ];
}

/** Every control of the form, level by level and clock by clock. */
export function policyFields(policy: SlaPolicy): Field[] {
  return FAULT_LEVELS.flatMap((level) => SLA_CLOCKS.flatMap((k) => clockFields(policy, level, k)));
}

/** What the form shows for a policy: each clock's settings as text. */
export function policyValues(policy: SlaPolicy): Record<string, string> {
  const values: Record<string, string> = {};
  for (const level of FAULT_LEVELS) {
    for (const kind of SLA_CLOCKS) {
      const clock = policy.levels[level][kind];
      const set = (setting: string, value: string) => {
        values[nameOf(level, kind, setting)] = value;
      };
      if (!clock) {
        set('budgetKind', 'off');
        continue;
      }
      const minutes = 'minutes' in clock.budget ? clock.budget.minutes : null;
      set('budgetKind', minutes === null ? 'end_of_day' : 'minutes');
      set('minutes', minutes === null ? '' : String(minutes));
      set('coverage', clock.coverage);
      const percents = clock.warnings.flatMap((w) => ('percent' in w ? [w.percent] : []));
      const before = clock.warnings.flatMap((w) => ('minutesBefore' in w ? [w.minutesBefore] : []));
      set('warnPercent', percents.join(','));
      set('warnMinutes', before.join(','));
      set('reportName', clock.reportName ?? '');
    }
  }
  return values;
}

/** The form as sent: each control's text, and the controls whose text cannot be stored. */
export function readPolicyForm(
  fields: readonly Field[],
  body: Record<string, unknown> | undefined,
): { values: Record<string, string>; errors: Record<string, string> } {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const raw = body?.[f.name];
    const text = typeof raw === 'string' ? raw : '';
    if (isUnstorable(text)) {
      errors[f.name] = CONSTRAINT_MESSAGES.unstorableText;
      // eslint-disable-next-line no-control-regex -- removing the NUL is the point
      values[f.name] = text.replace(/\u0000/g, '').replace(/\p{Cs}/gu, '');
    } else values[f.name] = text;
  }
  return { values, errors };
}

/** `50, 80` → [50, 80]; an item that is no whole number stays NaN for the policy's rules to refuse. */
const numbersOf = (text: string): number[] =>
  text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((item) => (/^\d+$/.test(item) ? Number(item) : Number.NaN));

/**
 * The policy the form describes, on the coverages of the one in force (the form chooses among
 * them). Nothing is checked here: what is wrong comes back from the policy's own rules.
 */
export function policyOfForm(values: Record<string, string>, base: SlaPolicy): SlaPolicy {
  const levels = {} as Record<FaultLevel, LevelPolicy>;
  for (const level of FAULT_LEVELS) {
    const clocks: Partial<Record<SlaClock, ClockPolicy>> = {};
    for (const kind of SLA_CLOCKS) {
      const v = (setting: string) => (values[nameOf(level, kind, setting)] ?? '').trim();
      const budgetKind = v('budgetKind') as BudgetKind;
      if (budgetKind !== 'minutes' && budgetKind !== 'end_of_day') continue;
      const minutes = v('minutes');
      const warnings: WarningPoint[] = [
        ...numbersOf(v('warnPercent')).map((percent) => ({ percent })),
        ...numbersOf(v('warnMinutes')).map((minutesBefore) => ({ minutesBefore })),
      ];
      clocks[kind] = {
        budget:
          budgetKind === 'end_of_day'
            ? { endOfDay: true }
            : { minutes: /^\d+$/.test(minutes) ? Number(minutes) : Number.NaN },
        coverage: v('coverage'),
        warnings,
        ...(v('reportName') ? { reportName: v('reportName') } : {}),
      };
    }
    levels[level] = clocks as LevelPolicy;
  }
  return { coverages: base.coverages, levels };
}

/** The control a refused policy field belongs to (`levels.level_1.response.budget` → minutes). */
function controlOf(field: string, values: Record<string, string>): string {
  const [top, level, kind, part] = field.split('.');
  if (top !== 'levels' || !level || !kind) return FORM_ERROR;
  const at = (setting: string) => `${level}.${kind}.${setting}`;
  if (part === undefined) return at('budgetKind');
  if (part === 'budget') return at('minutes');
  if (part === 'coverage') return at('coverage');
  if (part === 'warnings') {
    const percentsOk = numbersOf(values[at('warnPercent')] ?? '').every((percent) =>
      warningPointOk({ percent }),
    );
    return at(percentsOk ? 'warnMinutes' : 'warnPercent');
  }
  return FORM_ERROR;
}

/** A policy the rules refused, each problem beside its control; null for any other refusal. */
export function policyRefusal(
  error: unknown,
  values: Record<string, string>,
  fields: readonly Field[],
): FormRefusal | null {
  if (!(error instanceof DomainError) || error.code !== 'validation_failed') return null;
  const problems = fieldProblemsOf(error);
  const errors: Record<string, string> = {};
  for (const p of problems.length > 0 ? problems : [{ field: '', message: error.message }]) {
    const control = controlOf(p.field, values);
    const where = fields.some((f) => f.name === control) ? control : FORM_ERROR;
    const text = fieldProblemZh(p);
    errors[where] = errors[where] ? `${errors[where]}；${text}` : text;
  }
  return { status: 400, errors };
}
