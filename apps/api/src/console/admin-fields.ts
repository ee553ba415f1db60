import { FORM_ERROR } from './console-field';
import {
  CONTRACT_SETTING_LABELS,
  REMEDIATION_LABELS,
  REMINDER_LEAD_LABELS,
  DomainError,
  fieldProblemsOf,
  fieldProblemZh,
  PARTIES,
  PARTY_LABELS,
  ROLE_LABELS,
  ROLES,
  type Role,
  SEVERITIES,
  type ContractSettings,
  type ReminderLeads,
  FIELD_LABELS,
  FIELD_HINTS,
  passwordHint,
  adminFieldRefusal,
  takenRefusal,
} from '@luyue/domain';
import { MIN_PASSWORD_LENGTH } from '../identity/password-hasher.service';
import { confirmField, options, type Field, type FieldOption } from './console-field';
import { ArrayMinSize, IsInt } from 'class-validator';
import { YearScheduleDto } from '../calendar/dto/year-schedule.dto';

/** The administration forms; each `name` is the property of the REST route's DTO. */
export const ORGANIZATION_FIELDS: readonly Field[] = [
  { name: 'name', label: FIELD_LABELS['admin.organizationName'], type: 'text', required: true },
  {
    name: 'party',
    label: FIELD_LABELS['admin.party'],
    type: 'select',
    required: true,
    options: options(PARTIES, PARTY_LABELS),
  },
];

const PASSWORD: Field = {
  name: 'password',
  label: FIELD_LABELS['admin.initialPassword'],
  type: 'password',
  omitEmpty: true,
  hint: passwordHint(MIN_PASSWORD_LENGTH),
};

export function newUserFields(organizations: readonly FieldOption[]): Field[] {
  return [
    { name: 'email', label: FIELD_LABELS['admin.email'], type: 'text', required: true },
    { name: 'name', label: FIELD_LABELS['admin.name'], type: 'text', required: true },
    { name: 'phone', label: FIELD_LABELS['admin.phone'], type: 'text', omitEmpty: true },
    {
      name: 'organizationId',
      label: FIELD_LABELS['admin.organization'],
      type: 'select',
      required: true,
      options: organizations,
    },
    {
      name: 'roles',
      label: FIELD_LABELS['admin.roles'],
      type: 'checkboxes',
      required: true,
      options: options(ROLES, ROLE_LABELS),
      hint: FIELD_HINTS['admin.roles'],
    },
    PASSWORD,
  ];
}

/** The roles offered are those the user's organization may hold. */
export function roleFields(roles: readonly Role[]): Field[] {
  return [
    {
      name: 'roles',
      label: FIELD_LABELS['admin.roles'],
      type: 'checkboxes',
      required: true,
      options: options(roles, ROLE_LABELS),
    },
  ];
}

export const RESET_PASSWORD_FIELDS: readonly Field[] = [
  { ...PASSWORD, label: FIELD_LABELS['admin.newPassword'] },
  confirmField(FIELD_LABELS['confirm.resetPassword']),
];

/** Disabling an account asks only for its confirmation. */
export const DISABLE_FIELDS: readonly Field[] = [confirmField(FIELD_LABELS['confirm.disable'])];

const days = (name: string, label: string): Field => ({ name, label, type: 'number' });

export const SETTINGS_FIELDS: readonly Field[] = [
  days('interfaceQuotaPersonDays', CONTRACT_SETTING_LABELS.interfaceQuotaPersonDays),
  days('assessmentWorkingDays', CONTRACT_SETTING_LABELS.assessmentWorkingDays),
  days('changeReplyWorkingDays', CONTRACT_SETTING_LABELS.changeReplyWorkingDays),
  days('retestWorkingDays', CONTRACT_SETTING_LABELS.retestWorkingDays),
  days('delayNoticeDays', CONTRACT_SETTING_LABELS.delayNoticeDays),
  ...SEVERITIES.map((s) => days(`remediationWorkingDays.${s}`, REMEDIATION_LABELS[s])),
  ...(Object.keys(REMINDER_LEAD_LABELS) as Array<keyof ReminderLeads>).map((k) =>
    days(`reminderLeadWorkingDays.${k}`, REMINDER_LEAD_LABELS[k]),
  ),
  {
    name: 'systems',
    label: FIELD_LABELS['admin.systems'],
    type: 'lines',
    hint: FIELD_HINTS['admin.systems'],
  },
];

/** The current settings as the form shows them. */
export function settingsValues(s: ContractSettings): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(s)) {
    if (Array.isArray(value)) values[key] = value.join('\n');
    else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as object)) values[`${key}.${k}`] = String(v);
    } else values[key] = String(value);
  }
  return values;
}

/**
 * A year's official schedule as two lists of picked dates: the REST route's body, and the year.
 * A State Council notice names about 30 days off and a handful of make-up working days a year.
 */
export class LoadYearFormDto extends YearScheduleDto {
  @IsInt()
  year!: number;
}
// The calendar refuses a year without days off; said here, it shows with the form's other errors.
ArrayMinSize(1)(LoadYearFormDto.prototype, 'holidays');

export const CALENDAR_FIELDS: readonly Field[] = [
  { name: 'year', label: FIELD_LABELS['admin.year'], type: 'number', required: true },
  {
    name: 'holidays',
    label: FIELD_LABELS['admin.holidays'],
    type: 'dates',
    required: true,
    slots: 32,
    hint: FIELD_HINTS['admin.holidays'],
  },
  {
    name: 'workdays',
    label: FIELD_LABELS['admin.workdays'],
    type: 'dates',
    slots: 8,
    hint: FIELD_HINTS['admin.workdays'],
  },
];

/**
 * A service's refusal as errors beside the form's fields: validation problems by field (or
 * for the whole form), and a conflict (a name already taken) beside `conflictField`.
 */
export function refusedFields(
  error: unknown,
  fields: readonly Field[],
  conflictField?: string,
): Record<string, string> | null {
  if (!(error instanceof DomainError)) return null;
  if (error.code === 'conflict' && conflictField) {
    return { [conflictField]: takenRefusal(error.zh) };
  }
  if (error.code !== 'validation_failed') return null;
  const problems = fieldProblemsOf(error);
  const out: Record<string, string> = {};
  for (const p of problems.length > 0 ? problems : [{ field: '', message: error.message }]) {
    const root = p.field.split(/[.[]/)[0];
    const names = [p.field, root];
    const where = fields.find((f) => names.includes(f.name))?.name ?? FORM_ERROR;
    // A problem the catalogue words is said in them; the others quote the service.
    const text = adminFieldRefusal(root, p.key ? fieldProblemZh(p) : p.message);
    out[where] = out[where] ? `${out[where]}；${text}` : text;
  }
  return out;
}
