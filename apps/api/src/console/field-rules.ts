import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import type { Field } from './console-field';

/** What the browser is told of a field's rules: the attributes of its control. */
export interface FieldRules {
  required: boolean;
  min?: number;
  max?: number;
  minlength?: number;
  maxlength?: number;
}

const cache = new WeakMap<ClassConstructor<object>, Map<string, FieldRules>>();

/**
 * A form field's rules as the DTO its route validates with states them, so `required`, `min`,
 * `max` and `maxlength` on the control say what the server's refusal would: required when the
 * DTO refuses the field left empty (as the form sends an empty control), the bounds from its
 * Min / Max / MinLength / MaxLength constraints.
 */
export function fieldRules(dto: ClassConstructor<object>, field: Field): FieldRules {
  let rules = cache.get(dto);
  if (!rules) cache.set(dto, (rules = new Map<string, FieldRules>()));
  let found = rules.get(field.name);
  if (!found) rules.set(field.name, (found = read(dto, field)));
  return found;
}

function read(dto: ClassConstructor<object>, field: Field): FieldRules {
  const path = field.name.split('.');
  const owner = ownerClass(dto, path);
  const property = path[path.length - 1];
  const out: FieldRules = { required: refusesEmpty(dto, field) };
  if (!owner) return out;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(owner, '', true, false)
    .filter((m) => m.propertyName === property && !m.each);
  const bound = (name: string): number | undefined => {
    const value = metadata.find((m) => m.name === name)?.constraints?.[0] as unknown;
    return typeof value === 'number' ? value : undefined;
  };
  const rules: Array<[keyof Omit<FieldRules, 'required'>, string]> = [
    ['min', 'min'],
    ['max', 'max'],
    ['minlength', 'minLength'],
    ['maxlength', 'maxLength'],
  ];
  for (const [attribute, constraint] of rules) {
    const value = bound(constraint);
    if (value !== undefined) out[attribute] = value;
  }
  return out;
}

/** The class a nested field's last part belongs to (the DTO itself for a plain name). */
function ownerClass(
  dto: ClassConstructor<object>,
  path: string[],
): ClassConstructor<object> | null {
  let owner = dto;
  for (const key of path.slice(0, -1)) {
    const probe = plainToInstance(owner, { [key]: {} }) as Record<string, unknown>;
    const nested = probe[key];
    if (!nested || nested.constructor === Object) return null;
    owner = nested.constructor as ClassConstructor<object>;
  }
  return owner;
}

/** The empty value an untouched control sends, as `readForm` reads it. */
function emptyOf(field: Field): unknown {
  if (field.type === 'checkboxes' || field.type === 'lines' || field.type === 'dates') return [];
  const choice = ['number', 'select', 'date', 'datetime-local'].includes(field.type);
  return choice || field.omitEmpty ? undefined : '';
}

function refusesEmpty(dto: ClassConstructor<object>, field: Field): boolean {
  const plain: Record<string, unknown> = {};
  const path = field.name.split('.');
  let at = plain;
  for (const key of path.slice(0, -1)) {
    const next: Record<string, unknown> = {};
    at[key] = next;
    at = next;
  }
  at[path[path.length - 1]] = emptyOf(field);
  const errors = validateSync(plainToInstance(dto, plain), {
    whitelist: true,
    forbidUnknownValues: false,
  });
  return refused(errors, path);
}

function refused(errors: ValidationError[], path: string[]): boolean {
  const error = errors.find((e) => e.property === path[0]);
  if (!error) return false;
  if (path.length === 1) return Object.keys(error.constraints ?? {}).length > 0;
  return refused(error.children ?? [], path.slice(1));
}
