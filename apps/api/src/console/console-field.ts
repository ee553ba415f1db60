/** One choice of a `select` or `checkboxes` control. */
export interface FieldOption {
  value: string;
  label: string;
}

/**
 * One form control; `name` is the DTO property it fills (`a.b` for a nested one). Checkboxes
 * and `lines` (a textarea, one item a line) fill a list. A `confirm` box fills nothing: the form
 * is refused beside it until it is ticked (a step that cannot be undone).
 */
export interface Field {
  name: string;
  label: string;
  type:
    | 'text'
    | 'textarea'
    | 'number'
    | 'date'
    | 'datetime-local'
    | 'select'
    | 'password'
    | 'checkboxes'
    | 'lines'
    | 'confirm'
    | 'file'
    | 'dates';
  /**
   * Only for what the DTO cannot say (a `confirm` box, a `file`): a DTO field's required mark
   * is read from the DTO itself (`fieldRules`); a spec holds the two in agreement.
   */
  required?: boolean;
  /** A `file` control taking several files. */
  multiple?: boolean;
  /** A `dates` control (a list of date pickers): how many empty pickers a fresh form offers. */
  slots?: number;
  /**
   * The name a service's or workflow's rule gives this control's problem when it differs from
   * the control's (the `fix` step's proof files arrive as `files` and are refused as `proof`).
   */
  problemField?: string;
  /** Left out of the payload when empty (the DTO property is optional, not "may be empty"). */
  omitEmpty?: boolean;
  options?: readonly FieldOption[];
  /** Shown under the control. */
  hint?: string;
  /** What a fresh form shows: `today` (Shanghai) for a date people mostly enter as today. */
  initial?: 'today';
}

/** A choice among the contract's maintained systems, never typed. */
export const systemField = (
  name: string,
  label: string,
  systems: readonly string[],
  required: boolean,
): Field => ({
  name,
  label,
  type: 'select',
  required,
  omitEmpty: !required,
  options: systems.map((s) => ({ value: s, label: s })),
});

/** The value a ticked `confirm` box sends. */
export const CONFIRMED = 'yes';

/** A file control; the form reads whether any file came (the uploads are the route's). */
export const fileField = (
  name: string,
  label: string,
  options: Pick<Field, 'required' | 'multiple' | 'problemField' | 'hint'> = {},
): Field => ({ name, label, type: 'file', ...options });

/** A required confirmation box before a step that cannot be undone. */
export const confirmField = (label: string): Field => ({
  name: 'confirm',
  label,
  type: 'confirm',
  required: true,
});

/** The choices of a control: each value with its label. */
export const options = <T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): FieldOption[] => values.map((value) => ({ value, label: labels[value] }));

/** Where a form's errors keep a refusal that belongs to no field of the form. */
export const FORM_ERROR = '_form';
