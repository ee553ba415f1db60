import {
  fromShanghaiLocal,
  CONSTRAINT_MESSAGES,
  UNKNOWN_CONSTRAINT_MESSAGE,
  boundConstraintMessage,
  shanghaiDate,
} from '@luyue/domain';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { isUnstorable } from '../common/text-rules';
import { newOnce } from './form-once';
import { CONFIRMED, FORM_ERROR, type Field } from './console-field';
import { fieldRules, type FieldRules } from './field-rules';

export type FormOutcome<T> =
  | { ok: true; payload: T; values: Record<string, string> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/**
 * A form body checked by the REST route's DTO: numbers converted, empty optional choices left
 * out, text kept as typed (an empty note is a valid note). `values` is what was typed, to show
 * again when the DTO or the service behind it refuses the form.
 */
export async function readForm<T extends object>(
  dto: ClassConstructor<T>,
  fields: readonly Field[],
  // An empty POST has no body at all: every field is then missing, as the form will say.
  body: Record<string, unknown> | undefined,
  /** How many files the sending carried (its upload interceptor stored them). */
  files = 0,
): Promise<FormOutcome<T>> {
  const values: Record<string, string> = {};
  const plain: Record<string, unknown> = {};
  const unstorable: Record<string, string> = {};
  // Checked with the DTO's rules, so every problem of the form shows at once.
  const unconfirmed = { ...unconfirmedOf(fields, body), ...missingFilesOf(fields, files) };
  for (const field of fields) {
    const raw = body?.[field.name];
    if (field.type === 'confirm') {
      values[field.name] = raw === CONFIRMED ? CONFIRMED : '';
      continue;
    }
    if (field.type === 'file') {
      values[field.name] = '';
      continue;
    }
    // The same text rule as the REST api's: PostgreSQL cannot store it, the workflow must not see it.
    if ((Array.isArray(raw) ? raw : [raw]).some((v) => typeof v === 'string' && isUnstorable(v))) {
      unstorable[field.name] = CONSTRAINT_MESSAGES.unstorableText;
    }
    if (field.type === 'dates') {
      const picked = (Array.isArray(raw) ? raw : [raw]).filter(
        (v): v is string => typeof v === 'string' && v.trim() !== '',
      );
      values[field.name] = picked.join(LIST_SEPARATOR);
      assign(
        plain,
        field.name,
        picked.map((d) => d.trim()),
      );
      continue;
    }
    if (field.type === 'checkboxes') {
      const checked = (Array.isArray(raw) ? raw : [raw]).filter((v) => typeof v === 'string');
      values[field.name] = checked.join(LIST_SEPARATOR);
      assign(plain, field.name, checked);
      continue;
    }
    const text = typeof raw === 'string' ? raw : '';
    values[field.name] = text;
    const choice = ['number', 'select', 'date', 'datetime-local'].includes(field.type);
    if ((choice || field.omitEmpty) && !text) {
      if (field.required) assign(plain, field.name, field.type === 'number' ? undefined : '');
      continue;
    }
    assign(plain, field.name, parsed(field, text));
  }
  if (Object.keys(unstorable).length > 0) {
    // Shown again without the characters the page could not carry either.
    for (const name of Object.keys(unstorable)) values[name] = storableCopy(values[name] ?? '');
    return { ok: false, errors: { ...unstorable, ...unconfirmed }, values };
  }
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
  if (errors.length === 0 && Object.keys(unconfirmed).length === 0) {
    return { ok: true, payload: instance, values };
  }
  // Every problem at once: the fields the DTO refused and the box not ticked.
  return { ok: false, errors: { ...fieldMessages(errors), ...unconfirmed }, values };
}

/** The `confirm` boxes of a form left unticked, each with its message. */
export function unconfirmedOf(
  fields: readonly Field[],
  body: Record<string, unknown> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.type === 'confirm' && body?.[f.name] !== CONFIRMED) {
      out[f.name] = CONSTRAINT_MESSAGES.confirm;
    }
  }
  return out;
}

/** The required `file` controls of a form when the sending carried no file. */
function missingFilesOf(fields: readonly Field[], files: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.type === 'file' && f.required && files === 0) {
      out[f.name] = CONSTRAINT_MESSAGES.fileRequired;
    }
  }
  return out;
}

/** `text` without NULs and lone surrogates (what the form shows again). */
function storableCopy(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing the NUL is the point
  return text.replace(/\u0000/g, '').replace(/\p{Cs}/gu, '');
}

/** How a list field's items are kept in `values` (what was typed or checked, to show again). */
const LIST_SEPARATOR = '\n';

function parsed(field: Field, text: string): unknown {
  if (field.type === 'number') return Number(text.trim());
  // The control sends the wall-clock time the person read, which is Shanghai's.
  if (field.type === 'datetime-local') return fromShanghaiLocal(text);
  if (field.type === 'lines')
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  return text;
}

/** Sets `plain[a][b]` for the field name `a.b`. */
function assign(plain: Record<string, unknown>, name: string, value: unknown): void {
  const path = name.split('.');
  let at = plain;
  for (const key of path.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]] = value;
}

function fieldMessages(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const name = `${prefix}${e.property}`;
    if (e.children && e.children.length > 0)
      Object.assign(out, fieldMessages(e.children, `${name}.`));
    const failed = e.constraints ?? {};
    // The most basic failure first: "not a number" rather than "too large" for NaN.
    const key = Object.keys(CONSTRAINT_MESSAGES).find((k) => k in failed);
    if (!key) {
      if (Object.keys(failed).length > 0)
        out[name] = Object.values(failed)[0] ?? UNKNOWN_CONSTRAINT_MESSAGE;
      continue;
    }
    out[name] = boundMessage(key, failed[key], e.value) ?? CONSTRAINT_MESSAGES[key];
  }
  return out;
}

/** A range failure names its bound (the last number of the DTO's default message); empty is "required". */
function boundMessage(key: string, dtoMessage: string, value: unknown): string | undefined {
  if (key === 'minLength' && (value === '' || value === undefined))
    return CONSTRAINT_MESSAGES.isNotEmpty;
  const bound = /(-?\d+(?:\.\d+)?)\D*$/.exec(dtoMessage)?.[1];
  if (bound === undefined) return undefined;
  return boundConstraintMessage(key, bound);
}

/**
 * The fields as the `form-field` partial wants them: value and error beside each, and the
 * attributes of the rules `dto` (the one the route reads the form with) checks.
 */
export function formFields(
  prefix: string,
  fields: readonly Field[],
  values: Record<string, string> = {},
  errors: Record<string, string> = {},
  dto?: ClassConstructor<object>,
): Array<
  Field &
    FieldRules & { value: string; error?: string; id: string; options?: unknown; dates?: unknown }
> {
  return fields.map((f) => ({
    ...f,
    ...rulesOf(f, dto),
    id: `${prefix}-${f.name.replace(/\./g, '-')}`,
    ...(f.type === 'dates' ? { dates: datesOf(f, values[f.name]) } : {}),
    // A password is never sent back to the browser, not even the one just typed.
    value: f.type === 'password' ? '' : (values[f.name] ?? initialOf(f)),
    error: errors[f.name],
    options: f.options?.map((o) => ({ ...o, selected: isChosen(f, o.value, values[f.name]) })),
  }));
}

/** The DTO's rules of a field; a box or file control (no DTO property) says its own. */
function rulesOf(field: Field, dto: ClassConstructor<object> | undefined): FieldRules {
  if (!dto || field.type === 'confirm' || field.type === 'file') {
    return { required: field.required ?? false };
  }
  return fieldRules(dto, field);
}

/** A `dates` control's pickers: each date given, then its empty slots (at least two more). */
function datesOf(field: Field, value: string | undefined): Array<{ value: string; n: number }> {
  const given = (value ?? '').split(LIST_SEPARATOR).filter(Boolean);
  const blanks = Math.max(field.slots ?? 0, given.length + 2) - given.length;
  return [...given, ...Array<string>(blanks).fill('')].map((v, i) => ({ value: v, n: i + 1 }));
}

function isChosen(field: Field, option: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  return field.type === 'checkboxes'
    ? value.split(LIST_SEPARATOR).includes(option)
    : option === value;
}

/** A form that failed its checks, shown again with its values and errors. */
export interface FailedForm {
  action: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

/**
 * One form per action the viewer may take now, from a process's form table: its label, where it
 * posts, its fields (with the failed form's values and errors when it is the one that failed).
 */
export function actionForms<
  A extends string,
  F extends { fields: readonly Field[]; dto?: ClassConstructor<object> },
>(
  actions: readonly A[],
  table: Readonly<Record<A, F>>,
  labelOf: (action: A) => string,
  hrefOf: (action: A) => string,
  failed?: FailedForm,
): Array<{
  action: A;
  label: string;
  href: string;
  failed: boolean;
  /** A refusal with no field of its own, shown at the top of the form. */
  formError: string | undefined;
  form: F;
  fields: unknown[];
  once: string;
}> {
  return actions.map((action) => {
    const mine = failed?.action === action;
    return {
      action,
      once: newOnce(),
      label: labelOf(action),
      href: hrefOf(action),
      failed: mine,
      formError: mine ? failed.errors[FORM_ERROR] : undefined,
      form: table[action],
      fields: formFields(
        action,
        table[action].fields,
        mine ? failed.values : {},
        mine ? failed.errors : {},
        table[action].dto,
      ),
    };
  });
}

/** A fresh form's value: what was typed wins; a date people mostly enter as today starts there. */
function initialOf(field: Field): string {
  return field.initial === 'today' ? shanghaiDate(Date.now()) : '';
}
