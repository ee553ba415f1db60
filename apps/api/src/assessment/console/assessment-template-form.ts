import { ASSESSMENT_TERMS, DomainError, fieldProblemZh, fieldProblemsOf } from '@luyue/domain';
import {
  ASSESSMENT_INDICATOR_KEYS,
  type AssessmentTemplate,
  type MaintenanceWindow,
} from '@luyue/assessment/definitions';
import { isUnstorable } from '../../common/text-rules';
import { FORM_ERROR } from '../../console/console-field';

/** The form's controls: `<key>.enabled`, `<key>.target`, the manual figure, the windows as lines. */
export type TemplateValues = Record<string, string>;

const WINDOW_LINE =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})\s+(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})\s*(.*)$/;
const at = (date: string, time: string): string => `${date}T${time}:00+08:00`;
const hm = (iso: string): string => {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
};

/** What the form shows for a template. */
export function templateValues(t: AssessmentTemplate): TemplateValues {
  const values: TemplateValues = {
    manualPercent:
      t.availability.manualPercent === null ? '' : String(t.availability.manualPercent),
    manualNote: t.availability.manualNote,
    maintenanceWindows: t.availability.maintenanceWindows
      .map((w) => `${hm(w.from)} ${hm(w.to)} ${w.note}`.trim())
      .join('\n'),
  };
  for (const s of t.indicators) {
    values[`${s.key}.enabled`] = s.enabled ? 'yes' : '';
    values[`${s.key}.target`] = String(s.target);
  }
  return values;
}

/**
 * The template a sent form describes, or the problems of the lines it cannot read; numbers are
 * judged by the template's own rules once read (an unreadable one reads as NaN and is refused there).
 */
export function templateOfForm(body: Record<string, unknown> | undefined): {
  values: TemplateValues;
  template: AssessmentTemplate | null;
  errors: Record<string, string>;
} {
  const text = (name: string): string => {
    const v = body?.[name];
    return typeof v === 'string' ? v : '';
  };
  const values: TemplateValues = {};
  const errors: Record<string, string> = {};
  for (const key of ASSESSMENT_INDICATOR_KEYS) {
    values[`${key}.enabled`] = text(`${key}.enabled`) === 'yes' ? 'yes' : '';
    values[`${key}.target`] = text(`${key}.target`);
  }
  for (const name of ['manualPercent', 'manualNote', 'maintenanceWindows']) {
    values[name] = text(name);
    if (isUnstorable(values[name])) errors[name] = ASSESSMENT_TERMS.unstorableText;
  }
  const number = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v.trim()));
  const windows: MaintenanceWindow[] = [];
  for (const line of values.maintenanceWindows.split(/\r?\n/).map((l) => l.trim())) {
    if (line === '') continue;
    const m = WINDOW_LINE.exec(line);
    if (!m) errors.maintenanceWindows = ASSESSMENT_TERMS.windowLineInvalid;
    else windows.push({ from: at(m[1], m[2]), to: at(m[3], m[4]), note: m[5] });
  }
  if (Object.keys(errors).length > 0) return { values, template: null, errors };
  return {
    values,
    errors,
    template: {
      indicators: ASSESSMENT_INDICATOR_KEYS.map((key) => ({
        key,
        enabled: values[`${key}.enabled`] === 'yes',
        target: number(values[`${key}.target`]),
      })),
      availability: {
        manualPercent: values.manualPercent.trim() === '' ? null : number(values.manualPercent),
        manualNote: values.manualNote,
        maintenanceWindows: windows,
      },
    },
  };
}

/** A refused template's problems beside their controls; null for any other refusal. */
export function templateRefusal(
  error: unknown,
  template: AssessmentTemplate,
): Record<string, string> | null {
  if (!(error instanceof DomainError) || error.code !== 'validation_failed') return null;
  const errors: Record<string, string> = {};
  for (const p of fieldProblemsOf(error)) {
    const [top, index, part] = p.field.split('.');
    const control =
      top === 'indicators' && part === 'target'
        ? `${template.indicators[Number(index)]?.key}.target`
        : top === 'availability'
          ? (index ?? FORM_ERROR)
          : FORM_ERROR;
    const text = fieldProblemZh(p);
    errors[control] = errors[control] ? `${errors[control]}；${text}` : text;
  }
  return errors;
}
