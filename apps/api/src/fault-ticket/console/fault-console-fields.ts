import type { ClassConstructor } from 'class-transformer';
import {
  DomainError,
  FAULT_FORM_LABELS,
  FAULT_LEVEL_LABELS,
  FAULT_PAGE_WORDS,
  FAULT_TICKET_TERMS,
  fieldProblemsOf,
  fieldProblemZh,
  PAUSE_REASON_LABELS,
  SLA_CLOCK_LABELS,
} from '@luyue/domain';
import {
  FAULT_LEVELS,
  PAUSE_REASONS,
  type FaultAction,
  type FaultPayloads,
  type FaultTicketState,
} from '@luyue/fault-ticket/definitions';
import { FORM_ERROR } from '../../console/console-field';
import { fileField, options, type Field } from '../../console/console-field';
import type { FormRefusal } from '../../kit/console-action';
import {
  ConfirmLevelDto,
  FaultNoteDto,
  FaultReasonDto,
  PauseFaultDto,
  RequestExtensionDto,
  ResolveFaultDto,
} from '../dto/fault-ticket.dto';

const L = FAULT_FORM_LABELS;
const levelField: Field = {
  name: 'level',
  label: L.level,
  type: 'select',
  required: true,
  options: options(FAULT_LEVELS, FAULT_LEVEL_LABELS),
};

/** The report form (ReportFaultDto); the vendor logs a phone call with the time it came in. */
export function reportFields(systems: readonly string[], logsCall: boolean): Field[] {
  return [
    {
      name: 'system',
      label: L.system,
      type: 'select',
      required: true,
      options: systems.map((s) => ({ value: s, label: s })),
    },
    levelField,
    { name: 'title', label: L.title, type: 'text', required: true },
    { name: 'description', label: L.description, type: 'textarea', omitEmpty: true },
    ...(logsCall
      ? [
          {
            name: 'reportedAt',
            label: L.reportedAt,
            type: 'datetime-local',
            omitEmpty: true,
            hint: FAULT_PAGE_WORDS.reportedAtHint,
          } satisfies Field,
        ]
      : []),
  ];
}

const note: Field[] = [{ name: 'note', label: L.note, type: 'textarea', omitEmpty: true }];
const reason: Field[] = [{ name: 'reason', label: L.reason, type: 'textarea', required: true }];
const noteForm = { dto: FaultNoteDto, fields: note };
const reasonForm = { dto: FaultReasonDto, fields: reason };

type Form = { dto: ClassConstructor<object>; fields: readonly Field[] };

/** The form of each step on the ticket page; the DTO is the REST route's. */
export const FAULT_ACTION_FORMS: Readonly<Record<FaultAction, Form>> = {
  acknowledge: noteForm,
  arrive: noteForm,
  restore: noteForm,
  resolve: {
    dto: ResolveFaultDto,
    fields: [
      { name: 'cause', label: L.cause, type: 'textarea', required: true },
      { name: 'solution', label: L.solution, type: 'textarea', required: true },
    ],
  },
  // The report file is checked with the note, so a missing file is said in the same answer.
  'submit-report': {
    ...noteForm,
    fields: [
      ...note,
      fileField('files', FAULT_TICKET_TERMS.report, { required: true, multiple: true }),
    ],
  },
  sign: noteForm,
  reopen: reasonForm,
  'confirm-level': { dto: ConfirmLevelDto, fields: [levelField, ...note] },
  pause: {
    dto: PauseFaultDto,
    fields: [
      {
        name: 'reason',
        label: L.pauseReason,
        type: 'select',
        required: true,
        options: options(PAUSE_REASONS, PAUSE_REASON_LABELS),
      },
      { name: 'note', label: L.pauseNote, type: 'textarea', required: true },
      {
        name: 'supplier',
        label: L.supplier,
        type: 'text',
        omitEmpty: true,
        hint: FAULT_PAGE_WORDS.supplierHint,
      },
    ],
  },
  'confirm-pause': noteForm,
  'refuse-pause': reasonForm,
  resume: noteForm,
  'request-extension': {
    dto: RequestExtensionDto,
    fields: [
      { name: 'clock', label: L.clock, type: 'select', required: true },
      { name: 'minutes', label: L.minutes, type: 'number', required: true },
      ...reason,
    ],
  },
  'grant-extension': noteForm,
  'refuse-extension': reasonForm,
};

export const isFaultAction = (action: string): action is FaultAction =>
  Object.hasOwn(FAULT_ACTION_FORMS, action);

/** The forms of one ticket: an extension names one of its running clocks. */
export function faultFormsFor(state: FaultTicketState | null): typeof FAULT_ACTION_FORMS {
  const running = (state?.clocks ?? []).filter((c) => c.stoppedAt === null).map((c) => c.kind);
  const form = FAULT_ACTION_FORMS['request-extension'];
  return {
    ...FAULT_ACTION_FORMS,
    'request-extension': {
      ...form,
      fields: form.fields.map((f) =>
        f.name === 'clock' ? { ...f, options: options(running, SLA_CLOCK_LABELS) } : f,
      ),
    },
  };
}

/** The payload of a step (not the report's) from its checked form. */
export function faultPayloadOf<A extends Exclude<FaultAction, 'submit-report'>>(
  action: A,
  p: Record<string, unknown>,
): FaultPayloads[A] {
  const text = (k: string) => (typeof p[k] === 'string' ? p[k] : '');
  const noted = { note: text('note') };
  const reasoned = { reason: text('reason') };
  const payloads: { [K in Exclude<FaultAction, 'submit-report'>]: () => FaultPayloads[K] } = {
    acknowledge: () => noted,
    arrive: () => noted,
    restore: () => noted,
    resolve: () => ({ cause: text('cause'), solution: text('solution') }),
    sign: () => noted,
    reopen: () => reasoned,
    'confirm-level': () => ({
      level: p.level as FaultPayloads['confirm-level']['level'],
      ...noted,
    }),
    pause: () => ({
      reason: p.reason as FaultPayloads['pause']['reason'],
      note: text('note'),
      supplier: typeof p.supplier === 'string' ? p.supplier : undefined,
    }),
    'confirm-pause': () => noted,
    'refuse-pause': () => reasoned,
    resume: () => noted,
    'request-extension': () => ({
      clock: p.clock as FaultPayloads['request-extension']['clock'],
      minutes: Number(p.minutes),
      reason: text('reason'),
    }),
    'grant-extension': () => noted,
    'refuse-extension': () => reasoned,
  };
  return payloads[action]();
}

/**
 * A rule the service or workflow checked (a system the contract does not maintain, a supplier
 * missing, no report file) shown beside its field; null for any other refusal (its own page).
 */
export function faultRefusal(error: unknown, fields: readonly Field[]): FormRefusal | null {
  if (!(error instanceof DomainError) || error.code !== 'validation_failed') return null;
  const problems = fieldProblemsOf(error);
  const errors: Record<string, string> = {};
  for (const p of problems.length > 0 ? problems : [{ field: '', message: error.message }]) {
    const where =
      p.field === 'files' || fields.some((f) => f.name === p.field) ? p.field : FORM_ERROR;
    const text = fieldProblemZh(p);
    errors[where] = errors[where] ? `${errors[where]}；${text}` : text;
  }
  return { status: 400, errors };
}
