import type { ClassConstructor } from 'class-transformer';
import {
  FEASIBILITIES,
  QUOTA_DECISIONS,
  REQUIREMENT_KINDS,
  REQUIREMENT_PRIORITIES,
  type RequirementAction,
} from '@luyue/requirement/definitions';
import {
  FIELD_HINTS,
  FIELD_LABELS,
  FEASIBILITY_LABELS,
  KIND_LABELS,
  PRIORITY_LABELS,
  QUOTA_DECISION_LABELS,
} from '@luyue/domain';
import {
  AcceptDto,
  ApproveDto,
  AssessDto,
  FailTestingDto,
  LogEffortDto,
  PassTestingDto,
  ReasonDto,
  ReleaseDto,
  ReplanDto,
  StartDevelopmentDto,
  SubmitForTestingDto,
} from '../dto/requirement-action.dto';
import { confirmField, options, systemField, type Field } from '../../console/console-field';

const reason: Field[] = [
  { name: 'reason', label: FIELD_LABELS['requirement.reason'], type: 'textarea', required: true },
];

/** The form of each action, in the order shown; the DTO beside it is the REST route's. */
export const REQUIREMENT_ACTION_FORMS: Readonly<
  Record<RequirementAction, { dto: ClassConstructor<object>; fields: Field[] }>
> = {
  assess: {
    dto: AssessDto,
    fields: [
      {
        name: 'kind',
        label: FIELD_LABELS['requirement.kind'],
        type: 'select',
        required: true,
        options: options(REQUIREMENT_KINDS, KIND_LABELS),
      },
      {
        name: 'feasibility',
        label: FIELD_LABELS['requirement.feasibility'],
        type: 'select',
        required: true,
        options: options(FEASIBILITIES, FEASIBILITY_LABELS),
      },
      {
        name: 'estimatePersonDays',
        label: FIELD_LABELS['requirement.estimatePersonDays'],
        type: 'number',
        required: true,
      },
      {
        name: 'plannedDeliveryDate',
        label: FIELD_LABELS['requirement.plannedDeliveryDate'],
        type: 'date',
        required: true,
      },
      {
        name: 'solution',
        label: FIELD_LABELS['requirement.solution'],
        type: 'textarea',
        required: true,
      },
      {
        name: 'alternativeSolution',
        label: FIELD_LABELS['requirement.alternativeSolution'],
        type: 'textarea',
        omitEmpty: true,
        hint: FIELD_HINTS['requirement.alternativeSolution'],
      },
    ],
  },
  approve: {
    dto: ApproveDto,
    fields: [
      {
        name: 'kind',
        label: FIELD_LABELS['requirement.approvedKind'],
        type: 'select',
        options: options(REQUIREMENT_KINDS, KIND_LABELS),
        hint: FIELD_HINTS['requirement.approvedKind'],
      },
      {
        name: 'quotaDecision',
        label: FIELD_LABELS['requirement.quotaDecision'],
        type: 'select',
        options: options(QUOTA_DECISIONS, QUOTA_DECISION_LABELS),
        hint: FIELD_HINTS['requirement.quotaDecision'],
      },
    ],
  },
  reject: { dto: ReasonDto, fields: [...reason, confirmField(FIELD_LABELS['confirm.reject'])] },
  'start-development': {
    dto: StartDevelopmentDto,
    fields: [
      { name: 'note', label: FIELD_LABELS['requirement.note'], type: 'textarea', omitEmpty: true },
    ],
  },
  'log-effort': {
    dto: LogEffortDto,
    fields: [
      {
        name: 'date',
        label: FIELD_LABELS['requirement.effortDate'],
        type: 'date',
        required: true,
        initial: 'today',
      },
      {
        name: 'personDays',
        label: FIELD_LABELS['requirement.effortPersonDays'],
        type: 'number',
        required: true,
      },
      { name: 'note', label: FIELD_LABELS['requirement.effortNote'], type: 'textarea' },
    ],
  },
  'submit-for-testing': {
    dto: SubmitForTestingDto,
    fields: [
      {
        name: 'version',
        label: FIELD_LABELS['requirement.testVersion'],
        type: 'text',
        required: true,
      },
      { name: 'notes', label: FIELD_LABELS['requirement.testNotes'], type: 'textarea' },
    ],
  },
  'pass-testing': {
    dto: PassTestingDto,
    fields: [{ name: 'notes', label: FIELD_LABELS['requirement.testOpinion'], type: 'textarea' }],
  },
  'fail-testing': {
    dto: FailTestingDto,
    fields: [
      {
        name: 'notes',
        label: FIELD_LABELS['requirement.failNotes'],
        type: 'textarea',
        required: true,
      },
    ],
  },
  release: {
    dto: ReleaseDto,
    fields: [
      {
        name: 'version',
        label: FIELD_LABELS['requirement.releaseVersion'],
        type: 'text',
        required: true,
      },
      {
        name: 'releaseNotes',
        label: FIELD_LABELS['requirement.releaseNotes'],
        type: 'textarea',
        required: true,
      },
      {
        name: 'rollbackPlan',
        label: FIELD_LABELS['requirement.rollbackPlan'],
        type: 'textarea',
        required: true,
      },
    ],
  },
  accept: {
    dto: AcceptDto,
    fields: [
      {
        name: 'actualPersonDays',
        label: FIELD_LABELS['requirement.actualPersonDays'],
        type: 'number',
        hint: FIELD_HINTS['requirement.actualPersonDays'],
      },
      { name: 'note', label: FIELD_LABELS['requirement.acceptanceNote'], type: 'textarea' },
    ],
  },
  replan: {
    dto: ReplanDto,
    fields: [
      {
        name: 'plannedDeliveryDate',
        label: FIELD_LABELS['requirement.newPlannedDeliveryDate'],
        type: 'date',
        required: true,
      },
      ...reason,
    ],
  },
  cancel: { dto: ReasonDto, fields: [...reason, confirmField(FIELD_LABELS['confirm.cancel'])] },
};

/** The submit form; the systems are the contract's maintained ones. */
export function submitFields(systems: readonly string[]): Field[] {
  return [
    { name: 'title', label: FIELD_LABELS['requirement.title'], type: 'text', required: true },
    systemField('system', FIELD_LABELS['requirement.system'], systems, true),
    {
      name: 'priority',
      label: FIELD_LABELS['requirement.priority'],
      type: 'select',
      options: options(REQUIREMENT_PRIORITIES, PRIORITY_LABELS),
    },
    {
      name: 'description',
      label: FIELD_LABELS['requirement.description'],
      type: 'textarea',
      required: true,
    },
  ];
}
