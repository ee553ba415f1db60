// What a console form says beside a field the DTO refused, by class-validator constraint.

/** zh-CN wording of the class-validator constraints the DTOs use, most basic failure first. */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, string>> = {
  isNotEmpty: '此项必填',
  isNotBlank: '此项必填',
  isString: '此项必填',
  isIn: '请从列表中选择',
  isNumber: '请输入数字（最多两位小数）',
  isInt: '请输入整数',
  isPersonDays: '请输入数字（最多两位小数）',
  isPositive: '必须大于 0',
  min: '数值过小',
  max: '数值过大',
  arrayMinSize: '请至少选择一项',
  isEmail: '请输入有效的邮箱地址',
  minLength: '内容过短',
  maxLength: '内容过长',
  matches: '请输入 YYYY-MM-DD 格式的日期',
  isIso8601: '请输入有效的日期',
  unstorableText: '不能包含空字符（NUL）或无效的 Unicode 字符',
  confirm: '请勾选确认后再提交',
  fileRequired: '请选择要上传的文件',
  isRequirementNumber: '请从列表中选择本合同的需求',
};

/** A constraint no entry names. */
export const UNKNOWN_CONSTRAINT_MESSAGE = '内容不正确';

/** A range constraint naming its bound; undefined for a constraint without one. */
export function boundConstraintMessage(key: string, bound: string): string | undefined {
  if (key === 'min') return `不能小于 ${bound}`;
  if (key === 'max') return `不能大于 ${bound}`;
  if (key === 'minLength') return `至少 ${bound} 个字符`;
  if (key === 'maxLength') return `最多 ${bound} 个字符`;
  return undefined;
}

/** The hint under a password field. */
export function passwordHint(minLength: number): string {
  return `不填则自动生成并仅显示一次；至少 ${minLength} 个字符`;
}

/** What an admin form says when the service refuses a field (its own wording follows). */
const ADMIN_FIELD_REFUSALS: Readonly<Record<string, string>> = {
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

export function adminFieldRefusal(field: string, said: string): string {
  return `${ADMIN_FIELD_REFUSALS[field] ?? '不能保存'}（${said}）`;
}

/** A name already taken, beside its field, with the refusal's own words. */
export function takenRefusal(said: string): string {
  return `已被使用（${said.replace(/。$/, '')}）`;
}
