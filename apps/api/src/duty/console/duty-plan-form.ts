import {
  DUTY_CADENCE_LABELS,
  DUTY_KIND_LABELS,
  DUTY_PLAN_FIELDS as L,
  DUTY_SIGNER_LABELS,
  WEEKDAY_LABELS,
} from '@luyue/domain';
import {
  DUTY_CADENCES,
  DUTY_KINDS,
  DUTY_SIGNER_ROLES,
  type DutyCadence,
  type DutySignerRole,
} from '@luyue/duty/definitions';
import type { Field } from '../../console/console-field';
import type { DutyPlanDto } from '../dto/duty.dto';

const options = (values: readonly string[], labels: Readonly<Record<string, string>>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** The plan form: one control per plan field, named as the plan's rules name their problems. */
export function planFields(systems: readonly string[]): Field[] {
  return [
    {
      name: 'kind',
      label: L.kind,
      type: 'select',
      required: true,
      options: options(DUTY_KINDS, DUTY_KIND_LABELS),
    },
    { name: 'customKind', label: L.customKind, type: 'text' },
    { name: 'title', label: L.title, type: 'text', required: true },
    {
      name: 'systems',
      label: L.systems,
      type: 'checkboxes',
      required: true,
      options: systems.map((s) => ({ value: s, label: s })),
    },
    {
      name: 'cadence.type',
      label: L['cadence.type'],
      type: 'select',
      required: true,
      options: options(DUTY_CADENCES, DUTY_CADENCE_LABELS),
    },
    { name: 'cadence.day', label: L['cadence.day'], type: 'number' },
    { name: 'cadence.month', label: L['cadence.month'], type: 'number' },
    {
      name: 'cadence.weekday',
      label: L['cadence.weekday'],
      type: 'select',
      options: options(Object.keys(WEEKDAY_LABELS), WEEKDAY_LABELS),
    },
    { name: 'cadence.times', label: L['cadence.times'], type: 'number' },
    { name: 'cadence.workingDaysBefore', label: L['cadence.workingDaysBefore'], type: 'number' },
    { name: 'cadence.dates', label: L['cadence.dates'], type: 'lines' },
    { name: 'windowDays', label: L.windowDays, type: 'number' },
    {
      name: 'deadline.workingDays',
      label: L['deadline.workingDays'],
      type: 'number',
      required: true,
    },
    { name: 'deadline.time', label: L['deadline.time'], type: 'text' },
    { name: 'reminderWorkingDays', label: L.reminderWorkingDays, type: 'number' },
    { name: 'checklist', label: L.checklist, type: 'lines' },
    {
      name: 'signers',
      label: L.signers,
      type: 'checkboxes',
      required: true,
      options: options(DUTY_SIGNER_ROLES, DUTY_SIGNER_LABELS),
    },
  ];
}

/** What a fresh plan form shows: a monthly inspection, its report in 3 working days. */
export const NEW_PLAN_VALUES: Record<string, string> = {
  kind: 'inspection',
  'cadence.type': 'monthly',
  'cadence.day': '1',
  'deadline.workingDays': '3',
  reminderWorkingDays: '1',
  signers: 'hospital_manager',
};

const str = (body: Record<string, unknown>, name: string): string =>
  typeof body[name] === 'string' ? body[name].trim() : '';
const list = (body: Record<string, unknown>, name: string): string[] => {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
};
/** A number as typed; what is not one stays NaN so the plan's rules name the field. */
const num = (body: Record<string, unknown>, name: string): number => {
  const s = str(body, name);
  return s === '' ? Number.NaN : Number(s);
};
const lines = (body: Record<string, unknown>, name: string): string[] =>
  str(body, name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

function cadenceOf(body: Record<string, unknown>): DutyCadence {
  const type = str(body, 'cadence.type');
  switch (type) {
    case 'monthly':
      return { type, day: num(body, 'cadence.day') };
    case 'quarterly':
      return { type, month: num(body, 'cadence.month'), day: num(body, 'cadence.day') };
    case 'times_a_year':
      return { type, times: num(body, 'cadence.times') };
    case 'weekly':
      return { type, weekday: num(body, 'cadence.weekday') as 1 };
    case 'before_holidays':
      return { type, workingDaysBefore: num(body, 'cadence.workingDaysBefore') };
    case 'during_holidays':
      return { type };
    default:
      return { type: 'dates', dates: lines(body, 'cadence.dates') };
  }
}

/** The plan as the REST route takes it, from the form (checked there, every field at once). */
export function planOfForm(body: Record<string, unknown> | undefined): DutyPlanDto {
  const b = body ?? {};
  const windowDays = str(b, 'windowDays');
  const reminder = str(b, 'reminderWorkingDays');
  return {
    kind: str(b, 'kind') as DutyPlanDto['kind'],
    customKind: str(b, 'customKind') || undefined,
    title: str(b, 'title'),
    systems: list(b, 'systems'),
    cadence: cadenceOf(b),
    windowDays: windowDays === '' ? null : Number(windowDays),
    deadline: {
      workingDays: num(b, 'deadline.workingDays'),
      time: str(b, 'deadline.time') || null,
    },
    reminderWorkingDays: reminder === '' ? 1 : Number(reminder),
    checklist: lines(b, 'checklist').map((line, i) => {
      const [text, expected = ''] = line.split('|').map((p) => p.trim());
      return { key: `item${i + 1}`, text, expected };
    }),
    signers: list(b, 'signers') as DutySignerRole[],
  };
}
