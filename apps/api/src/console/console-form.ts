import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Field } from './requirement-action-fields';

export type FormOutcome<T> =
  | { ok: true; payload: T }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/**
 * A form body checked by the REST route's DTO: numbers converted, empty optional choices left
 * out, text kept as typed (an empty note is a valid note).
 */
export async function readForm<T extends object>(
  dto: ClassConstructor<T>,
  fields: readonly Field[],
  body: Record<string, unknown>,
): Promise<FormOutcome<T>> {
  const values: Record<string, string> = {};
  const plain: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = body[field.name];
    const text = typeof raw === 'string' ? raw : '';
    values[field.name] = text;
    const choice = field.type === 'number' || field.type === 'select' || field.type === 'date';
    if ((choice || field.omitEmpty) && !text) {
      if (field.required) plain[field.name] = field.type === 'number' ? undefined : '';
      continue;
    }
    plain[field.name] = field.type === 'number' ? Number(text.trim()) : text;
  }
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
  if (errors.length === 0) return { ok: true, payload: instance };
  return { ok: false, errors: fieldMessages(errors), values };
}

/** zh-CN wording of the class-validator constraints the DTOs use; others keep the DTO's text. */
const CONSTRAINT_MESSAGES: Readonly<Record<string, string>> = {
  isNotEmpty: '此项必填',
  isNotBlank: '此项必填',
  isString: '此项必填',
  isIn: '请从列表中选择',
  isNumber: '请输入数字（最多两位小数）',
  isPersonDays: '请输入数字（最多两位小数）',
  isPositive: '必须大于 0',
  min: '不能小于 0',
  max: '数值过大',
  maxLength: '内容过长',
  matches: '请输入 YYYY-MM-DD 格式的日期',
  isIso8601: '请输入有效的日期',
};

function fieldMessages(errors: ValidationError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const failed = e.constraints ?? {};
    // The most basic failure first: "not a number" rather than "too large" for NaN.
    const key = Object.keys(CONSTRAINT_MESSAGES).find((k) => k in failed);
    out[e.property] = key ? CONSTRAINT_MESSAGES[key] : (Object.values(failed)[0] ?? '内容不正确');
  }
  return out;
}

/** The fields as the `form-field` partial wants them: value and error beside each. */
export function formFields(
  prefix: string,
  fields: readonly Field[],
  values: Record<string, string> = {},
  errors: Record<string, string> = {},
): Array<Field & { value: string; error?: string; id: string; options?: unknown }> {
  return fields.map((f) => ({
    ...f,
    id: `${prefix}-${f.name}`,
    value: values[f.name] ?? '',
    error: errors[f.name],
    options: f.options?.map((o) => ({ ...o, selected: o.value === values[f.name] })),
  }));
}
