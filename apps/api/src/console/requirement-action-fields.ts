import type { ClassConstructor } from 'class-transformer';
import {
  FEASIBILITIES,
  FEASIBILITY_LABELS,
  KIND_LABELS,
  PRIORITY_LABELS,
  QUOTA_DECISIONS,
  REQUIREMENT_KINDS,
  REQUIREMENT_PRIORITIES,
  type RequirementAction,
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
} from '../requirements/dto/requirement-action.dto';

export interface FieldOption {
  value: string;
  label: string;
}

/**
 * One form control; `name` is the DTO property it fills (`a.b` for a nested one). Checkboxes
 * and `lines` (a textarea, one item a line) fill a list.
 */
export interface Field {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'password' | 'checkboxes' | 'lines';
  required?: boolean;
  /** Left out of the payload when empty (the DTO property is optional, not "may be empty"). */
  omitEmpty?: boolean;
  options?: readonly FieldOption[];
  /** Shown under the control. */
  hint?: string;
}

export const options = <T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): FieldOption[] => values.map((value) => ({ value, label: labels[value] }));

const QUOTA_DECISION_LABELS = {
  within_quota: '计入免费接口额度',
  outside_quota: '额度外另行结算',
} as const satisfies Record<(typeof QUOTA_DECISIONS)[number], string>;

const reason: Field[] = [{ name: 'reason', label: '原因', type: 'textarea', required: true }];

/** The form of each action, in the order shown; the DTO beside it is the REST route's. */
export const REQUIREMENT_ACTION_FORMS: Readonly<
  Record<RequirementAction, { dto: ClassConstructor<object>; fields: Field[] }>
> = {
  assess: {
    dto: AssessDto,
    fields: [
      {
        name: 'kind',
        label: '需求类型',
        type: 'select',
        required: true,
        options: options(REQUIREMENT_KINDS, KIND_LABELS),
      },
      {
        name: 'feasibility',
        label: '可行性',
        type: 'select',
        required: true,
        options: options(FEASIBILITIES, FEASIBILITY_LABELS),
      },
      { name: 'estimatePersonDays', label: '估算工作量（人天）', type: 'number', required: true },
      { name: 'plannedDeliveryDate', label: '计划交付日期', type: 'date', required: true },
      { name: 'solution', label: '技术方案', type: 'textarea', required: true },
      {
        name: 'alternativeSolution',
        label: '替代方案',
        type: 'textarea',
        omitEmpty: true,
        hint: '需要架构调整或核心重写时必填（免费提供）',
      },
    ],
  },
  approve: {
    dto: ApproveDto,
    fields: [
      {
        name: 'kind',
        label: '甲方确定的需求类型',
        type: 'select',
        options: options(REQUIREMENT_KINDS, KIND_LABELS),
        hint: '不选则采用乙方评估的类型',
      },
      {
        name: 'quotaDecision',
        label: '接口额度',
        type: 'select',
        options: options(QUOTA_DECISIONS, QUOTA_DECISION_LABELS),
        hint: '仅接口新增需求适用',
      },
    ],
  },
  reject: { dto: ReasonDto, fields: reason },
  'start-development': {
    dto: StartDevelopmentDto,
    fields: [{ name: 'note', label: '备注', type: 'textarea', omitEmpty: true }],
  },
  'log-effort': {
    dto: LogEffortDto,
    fields: [
      { name: 'date', label: '工作日期', type: 'date', required: true },
      { name: 'personDays', label: '工作量（人天）', type: 'number', required: true },
      { name: 'note', label: '工作内容', type: 'textarea' },
    ],
  },
  'submit-for-testing': {
    dto: SubmitForTestingDto,
    fields: [
      { name: 'version', label: '测试版本', type: 'text', required: true },
      { name: 'notes', label: '测试说明', type: 'textarea' },
    ],
  },
  'pass-testing': {
    dto: PassTestingDto,
    fields: [{ name: 'notes', label: '测试意见', type: 'textarea' }],
  },
  'fail-testing': {
    dto: FailTestingDto,
    fields: [{ name: 'notes', label: '问题说明', type: 'textarea', required: true }],
  },
  release: {
    dto: ReleaseDto,
    fields: [
      { name: 'version', label: '发布版本', type: 'text', required: true },
      { name: 'releaseNotes', label: '发布说明', type: 'textarea', required: true },
      { name: 'rollbackPlan', label: '回退方案', type: 'textarea', required: true },
    ],
  },
  accept: {
    dto: AcceptDto,
    fields: [
      {
        name: 'actualPersonDays',
        label: '实际工作量（人天）',
        type: 'number',
        hint: '不填则按工作日志合计',
      },
      { name: 'note', label: '验收意见', type: 'textarea' },
    ],
  },
  replan: {
    dto: ReplanDto,
    fields: [
      { name: 'plannedDeliveryDate', label: '新的计划交付日期', type: 'date', required: true },
      ...reason,
    ],
  },
  cancel: { dto: ReasonDto, fields: reason },
};

/** The submit form; the systems are the contract's maintained ones. */
export function submitFields(systems: readonly string[]): Field[] {
  return [
    { name: 'title', label: '需求名称', type: 'text', required: true },
    {
      name: 'system',
      label: '所属系统',
      type: 'select',
      required: true,
      options: systems.map((s) => ({ value: s, label: s })),
    },
    {
      name: 'priority',
      label: '优先级',
      type: 'select',
      options: options(REQUIREMENT_PRIORITIES, PRIORITY_LABELS),
    },
    { name: 'description', label: '需求描述', type: 'textarea', required: true },
  ];
}
