import type { ClassConstructor } from 'class-transformer';
import {
  LINE_ACTIONS,
  linesForAction,
  type RemediationAction,
  type RemediationPayloads,
  type RemediationState,
} from '@luyue/security/definitions';
import { FIELD_LABELS, FIELD_HINTS } from '@luyue/domain';
import {
  AcceptRiskDto,
  FailRetestDto,
  FixDto,
  RemediationAssetsDto,
  RemediationNoteDto,
  RemediationReasonDto,
} from '../dto/security-task-action.dto';
import { fileField, type Field } from '../../console/console-field';

const note: Field[] = [
  { name: 'note', label: FIELD_LABELS['remediation.note'], type: 'textarea', omitEmpty: true },
];
const reason: Field[] = [
  { name: 'reason', label: FIELD_LABELS['remediation.reason'], type: 'textarea', required: true },
];
/** Per asset line: none checked is every line the step applies to; the page fills the choices. */
const assets: Field = {
  name: 'assets',
  label: FIELD_LABELS['remediation.assets'],
  type: 'checkboxes',
  hint: FIELD_HINTS['remediation.assets'],
};

/** The form of each remediation action on the task page; the DTO is the REST route's. */
export const REMEDIATION_ACTION_FORMS: Readonly<
  Record<RemediationAction, { dto: ClassConstructor<object>; fields: Field[] }>
> = {
  start: { dto: RemediationNoteDto, fields: note },
  fix: {
    dto: FixDto,
    fields: [
      {
        name: 'note',
        label: FIELD_LABELS['remediation.fixNote'],
        type: 'textarea',
        required: true,
      },
      assets,
      fileField('files', FIELD_LABELS['remediation.proof'], {
        required: true,
        multiple: true,
        problemField: 'proof',
      }),
    ],
  },
  'request-retest': { dto: RemediationNoteDto, fields: note },
  verify: { dto: RemediationAssetsDto, fields: [...note, assets] },
  'fail-retest': { dto: FailRetestDto, fields: [...reason, assets] },
  'accept-risk': {
    dto: AcceptRiskDto,
    fields: [
      ...reason,
      {
        name: 'expiresOn',
        label: FIELD_LABELS['remediation.expiresOn'],
        type: 'date',
        required: true,
      },
    ],
  },
  'propose-false-positive': { dto: RemediationReasonDto, fields: reason },
  'confirm-false-positive': { dto: RemediationNoteDto, fields: note },
  'refuse-false-positive': { dto: RemediationReasonDto, fields: reason },
};

/**
 * The forms for one task: each line step offers the task's lines it may name, or no choice at
 * all when there is only one (the step is then for that line).
 */
export function remediationFormsFor(
  state: Pick<RemediationState, 'lines'> | null,
): typeof REMEDIATION_ACTION_FORMS {
  const table = { ...REMEDIATION_ACTION_FORMS };
  for (const action of LINE_ACTIONS) {
    const choices = state ? linesForAction(state, action) : [];
    const form = table[action];
    table[action] = {
      ...form,
      fields: form.fields.flatMap((f) =>
        f.name !== 'assets'
          ? [f]
          : choices.length < 2
            ? []
            : [{ ...f, options: choices.map((l) => ({ value: l.lineId, label: l.label })) }],
      ),
    };
  }
  return table;
}

/** The checked lines, or none named (every line the step applies to) when nothing is checked. */
export function assetsOf(v: { assets?: unknown }): string[] | undefined {
  return Array.isArray(v.assets) && v.assets.length > 0 ? (v.assets as string[]) : undefined;
}

export function isRemediationAction(action: string): action is RemediationAction {
  return Object.hasOwn(REMEDIATION_ACTION_FORMS, action);
}

/** The payload of a non-file action from its checked form values. */
export function remediationPayloadOf<A extends Exclude<RemediationAction, 'fix'>>(
  action: A,
  v: Record<string, string | undefined> & { assets?: unknown },
): RemediationPayloads[A] {
  const payloads: { [K in Exclude<RemediationAction, 'fix'>]: () => RemediationPayloads[K] } = {
    start: () => ({ note: v.note ?? '' }),
    'request-retest': () => ({ note: v.note ?? '' }),
    verify: () => ({ note: v.note ?? '', assets: assetsOf(v) }),
    'fail-retest': () => ({ reason: v.reason ?? '', assets: assetsOf(v) }),
    'accept-risk': () => ({ reason: v.reason ?? '', expiresOn: v.expiresOn ?? '' }),
    'propose-false-positive': () => ({ reason: v.reason ?? '' }),
    'confirm-false-positive': () => ({ note: v.note ?? '' }),
    'refuse-false-positive': () => ({ reason: v.reason ?? '' }),
  };
  return payloads[action]();
}
