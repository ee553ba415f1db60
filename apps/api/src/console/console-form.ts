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
    if ((field.type === 'number' || field.type === 'select' || field.type === 'date') && !text) {
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

function fieldMessages(errors: ValidationError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    out[e.property] = Object.values(e.constraints ?? {})[0] ?? 'invalid';
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
