import type { ClassConstructor } from 'class-transformer';
import type { RemediationAction, RemediationPayloads } from '@luyue/domain';
import {
  AcceptRiskDto,
  FailRetestDto,
  FixDto,
  RemediationNoteDto,
  RemediationReasonDto,
} from '../remediation/dto/remediation-action.dto';
import type { Field } from './requirement-action-fields';

const note: Field[] = [{ name: 'note', label: '说明', type: 'textarea', omitEmpty: true }];
const reason: Field[] = [{ name: 'reason', label: '原因', type: 'textarea', required: true }];

/** The form of each remediation action on the task page; the DTO is the REST route's. */
export const REMEDIATION_ACTION_FORMS: Readonly<
  Record<RemediationAction, { dto: ClassConstructor<object>; fields: Field[]; proof?: true }>
> = {
  start: { dto: RemediationNoteDto, fields: note },
  fix: {
    dto: FixDto,
    fields: [{ name: 'note', label: '整改说明', type: 'textarea', required: true }],
    proof: true,
  },
  'request-retest': { dto: RemediationNoteDto, fields: note },
  verify: { dto: RemediationNoteDto, fields: note },
  'fail-retest': { dto: FailRetestDto, fields: reason },
  'accept-risk': {
    dto: AcceptRiskDto,
    fields: [...reason, { name: 'expiresOn', label: '有效期至', type: 'date', required: true }],
  },
  'propose-false-positive': { dto: RemediationReasonDto, fields: reason },
  'confirm-false-positive': { dto: RemediationNoteDto, fields: note },
  'refuse-false-positive': { dto: RemediationReasonDto, fields: reason },
};

export function isRemediationAction(action: string): action is RemediationAction {
  return Object.hasOwn(REMEDIATION_ACTION_FORMS, action);
}

/** The payload of a non-file action from its checked form values. */
export function remediationPayloadOf<A extends Exclude<RemediationAction, 'fix'>>(
  action: A,
  v: Record<string, string | undefined>,
): RemediationPayloads[A] {
  const payloads: { [K in Exclude<RemediationAction, 'fix'>]: () => RemediationPayloads[K] } = {
    start: () => ({ note: v.note ?? '' }),
    'request-retest': () => ({ note: v.note ?? '' }),
    verify: () => ({ note: v.note ?? '' }),
    'fail-retest': () => ({ reason: v.reason ?? '' }),
    'accept-risk': () => ({ reason: v.reason ?? '', expiresOn: v.expiresOn ?? '' }),
    'propose-false-positive': () => ({ reason: v.reason ?? '' }),
    'confirm-false-positive': () => ({ note: v.note ?? '' }),
    'refuse-false-positive': () => ({ reason: v.reason ?? '' }),
  };
  return payloads[action]();
}
