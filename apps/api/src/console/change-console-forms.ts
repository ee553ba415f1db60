import type { ClassConstructor } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import {
  CHANGE_TYPE_LABELS,
  CHANGE_TYPES,
  REPLY_DECISION_LABELS,
  REPLY_DECISIONS,
  type ChangeAction,
  type ChangeType,
} from '@luyue/domain';
import { NotBlank, Omittable } from '../common/field.validators';
import {
  ChangeNoteDto,
  ChangeReplyDto,
  ChangeWithdrawDto,
} from '../change-requests/dto/change-reply.dto';
import type { Field, FieldOption } from './requirement-action-fields';

const options = <T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): FieldOption[] => values.map((value) => ({ value, label: labels[value] }));

/** The propose form, flat as a form posts it; mapped onto the REST route's DTO. */
export class ProposeChangeFormDto {
  @IsString() @NotBlank('title') @MaxLength(200) title!: string;
  @IsString() @NotBlank('description') @MaxLength(10000) description!: string;
  @IsIn(CHANGE_TYPES) changeType!: ChangeType;
  @IsString() @NotBlank('impactScope') @MaxLength(2000) impactScope!: string;
  @IsString() @NotBlank('impactSchedule') @MaxLength(2000) impactSchedule!: string;
  @IsString() @NotBlank('impactCost') @MaxLength(2000) impactCost!: string;
  @Omittable() @Matches(/^REQ-\d{4}-\d{4}$/) replanRequirementId?: string;
  @Omittable() @Matches(/^\d{4}-\d{2}-\d{2}$/) replanDate?: string;
  @Omittable() @Matches(/^REQ-\d{4}-\d{4}$/) grantRequirementId?: string;
}

const note: Field[] = [{ name: 'note', label: '说明', type: 'textarea', omitEmpty: true }];

export const PROPOSE_FIELDS: Field[] = [
  { name: 'title', label: '变更名称', type: 'text', required: true },
  {
    name: 'changeType',
    label: '变更类型',
    type: 'select',
    required: true,
    options: options(CHANGE_TYPES, CHANGE_TYPE_LABELS),
  },
  { name: 'description', label: '变更内容', type: 'textarea', required: true },
  { name: 'impactScope', label: '对范围的影响', type: 'textarea', required: true },
  { name: 'impactSchedule', label: '对进度的影响', type: 'textarea', required: true },
  { name: 'impactCost', label: '对费用的影响', type: 'textarea', required: true },
  {
    name: 'replanRequirementId',
    label: '确认后调整计划交付日期的需求（可选）',
    type: 'text',
    omitEmpty: true,
    hint: '需求编号，如 REQ-2026-0001',
  },
  { name: 'replanDate', label: '新的计划交付日期', type: 'date', omitEmpty: true },
  {
    name: 'grantRequirementId',
    label: '确认后批准额度外接口开发的需求（可选）',
    type: 'text',
    omitEmpty: true,
    hint: '该需求须为待审批的接口新增需求',
  },
];

/** The form of each action on the change page; the DTO beside it is the REST route's. */
export const CHANGE_ACTION_FORMS: Readonly<
  Record<ChangeAction, { dto: ClassConstructor<object>; fields: Field[]; multipart?: true }>
> = {
  reply: {
    dto: ChangeReplyDto,
    fields: [
      {
        name: 'decision',
        label: '答复',
        type: 'select',
        required: true,
        options: options(REPLY_DECISIONS, REPLY_DECISION_LABELS),
      },
      { name: 'comment', label: '意见', type: 'textarea', omitEmpty: true, hint: '不同意时必填' },
    ],
  },
  withdraw: {
    dto: ChangeWithdrawDto,
    fields: [{ name: 'reason', label: '撤回原因', type: 'textarea', required: true }],
  },
  confirm: { dto: ChangeNoteDto, fields: note },
  'start-implementation': { dto: ChangeNoteDto, fields: note },
  archive: { dto: ChangeNoteDto, fields: note, multipart: true },
  close: { dto: ChangeNoteDto, fields: note },
};
