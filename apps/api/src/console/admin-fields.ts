import {
  CONTRACT_SETTING_LABELS,
  DomainError,
  PARTIES,
  PARTY_LABELS,
  REMEDIATION_LABELS,
  REMINDER_LEAD_LABELS,
  ROLE_LABELS,
  ROLES,
  SEVERITIES,
  type ContractSettings,
  type FieldProblem,
  type ReminderLeads,
  type Role,
} from '@luyue/domain';
import { MIN_PASSWORD_LENGTH } from '../identity/password-hasher.service';
import { options, type Field, type FieldOption } from './requirement-action-fields';

/** The administration forms; each `name` is the property of the REST route's DTO. */
export const ORGANIZATION_FIELDS: readonly Field[] = [
  { name: 'name', label: '单位名称', type: 'text', required: true },
  {
    name: 'party',
    label: '参与方',
    type: 'select',
    required: true,
    options: options(PARTIES, PARTY_LABELS),
  },
];

const PASSWORD: Field = {
  name: 'password',
  label: '初始密码',
  type: 'password',
  omitEmpty: true,
  hint: `不填则自动生成并仅显示一次；至少 ${MIN_PASSWORD_LENGTH} 个字符`,
};

export function newUserFields(organizations: readonly FieldOption[]): Field[] {
  return [
    { name: 'email', label: '邮箱', type: 'text', required: true },
    { name: 'name', label: '姓名', type: 'text', required: true },
    { name: 'phone', label: '手机号', type: 'text', omitEmpty: true },
    {
      name: 'organizationId',
      label: '所属单位',
      type: 'select',
      required: true,
      options: organizations,
    },
    {
      name: 'roles',
      label: '角色',
      type: 'checkboxes',
      required: true,
      options: options(ROLES, ROLE_LABELS),
      hint: '须属于所属单位的参与方（管理员不限）',
    },
    PASSWORD,
  ];
}

/** The roles offered are those the user's organization may hold. */
export function roleFields(roles: readonly Role[]): Field[] {
  return [
    {
      name: 'roles',
      label: '角色',
      type: 'checkboxes',
      required: true,
      options: options(roles, ROLE_LABELS),
    },
  ];
}

export const RESET_PASSWORD_FIELDS: readonly Field[] = [{ ...PASSWORD, label: '新密码' }];

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
  { name: 'systems', label: CONTRACT_SETTING_LABELS.systems, type: 'lines', hint: '每行一个' },
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

export const CALENDAR_FIELDS: readonly Field[] = [
  { name: 'year', label: '年份', type: 'number', required: true },
  {
    name: 'schedule',
    label: '节假日安排（JSON）',
    type: 'textarea',
    required: true,
    hint: '例如 {"holidays": ["2027-01-01", "2027-02-06"], "workdays": ["2027-02-20"]}：holidays 为放假日（含假期内的周末），workdays 为调休上班的周末',
  },
];

/** What the page says when the service refuses a field (its own wording follows in brackets). */
const REFUSALS: Readonly<Record<string, string>> = {
  name: '名称不能使用',
  email: '邮箱不能使用',
  organizationId: '请选择单位',
  roles: '不能设置这些角色',
  password: '密码不符合要求',
  year: '年份不正确',
  schedule: '节假日安排有误',
  holidays: '节假日安排有误',
  workdays: '节假日安排有误',
};

/** Service fields shown beside a form field of another name: the lists inside the JSON. */
const SHOWN_AT: Readonly<Record<string, string>> = { holidays: 'schedule', workdays: 'schedule' };

/** Where a form error goes that belongs to no single field. */
export const FORM_ERROR = '_form';

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
    return { [conflictField]: `已被使用（${error.zh.replace(/。$/, '')}）` };
  }
  if (error.code !== 'validation_failed') return null;
  const problems = (error.details?.fields ?? []) as FieldProblem[];
  const out: Record<string, string> = {};
  for (const p of problems.length > 0 ? problems : [{ field: '', message: error.message }]) {
    const root = p.field.split(/[.[]/)[0];
    const names = [p.field, root, SHOWN_AT[root]];
    const where = fields.find((f) => names.includes(f.name))?.name ?? FORM_ERROR;
    const text = `${REFUSALS[root] ?? '不能保存'}（${p.message}）`;
    out[where] = out[where] ? `${out[where]}；${text}` : text;
  }
  return out;
}
