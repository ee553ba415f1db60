import type { ClassConstructor } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import {
  CHANGE_TYPE_LABELS,
  REPLY_DECISION_LABELS,
  FIELD_LABELS,
  FIELD_HINTS,
} from '@luyue/domain';
import {
  CHANGE_TYPES,
  REPLY_DECISIONS,
  type ChangeAction,
  type ChangeType,
} from '@luyue/change-request/definitions';
import {
  CalendarDate,
  NotBlank,
  Omittable,
  RequirementNumber,
} from '../../common/field.validators';
import { ChangeNoteDto, ChangeReplyDto, ChangeWithdrawDto } from '../dto/change-reply.dto';
import {
  confirmField,
  fileField,
  options,
  type Field,
  type FieldOption,
} from '../../console/console-field';

/** The propose form, flat as a form posts it; mapped onto the REST route's DTO. */
export class ProposeChangeFormDto {
  @IsString() @NotBlank('title') @MaxLength(200) title!: string;
  @IsString() @NotBlank('description') @MaxLength(10000) description!: string;
  @IsIn(CHANGE_TYPES) changeType!: ChangeType;
  @IsString() @NotBlank('impactScope') @MaxLength(2000) impactScope!: string;
  @IsString() @NotBlank('impactSchedule') @MaxLength(2000) impactSchedule!: string;
  @IsString() @NotBlank('impactCost') @MaxLength(2000) impactCost!: string;
  @Omittable() @RequirementNumber() replanRequirementId?: string;
  // A replan names its new date: asked with the form, not after the proposal is refused.
  @ValidateIf(
    (o: ProposeChangeFormDto) => o.replanRequirementId !== undefined || o.replanDate !== undefined,
  )
  @IsNotEmpty()
  @CalendarDate('replanDate')
  replanDate?: string;
  @Omittable() @RequirementNumber() grantRequirementId?: string;
}

const note: Field[] = [
  { name: 'note', label: FIELD_LABELS['change.note'], type: 'textarea', omitEmpty: true },
];

/** The propose form; `requirements` are the contract's open requests, picked, never typed. */
export const proposeFields = (requirements: readonly FieldOption[]): Field[] => [
  { name: 'title', label: FIELD_LABELS['change.title'], type: 'text', required: true },
  {
    name: 'changeType',
    label: FIELD_LABELS['change.type'],
    type: 'select',
    required: true,
    options: options(CHANGE_TYPES, CHANGE_TYPE_LABELS),
  },
  {
    name: 'description',
    label: FIELD_LABELS['change.description'],
    type: 'textarea',
    required: true,
  },
  {
    name: 'impactScope',
    label: FIELD_LABELS['change.impactScope'],
    type: 'textarea',
    required: true,
  },
  {
    name: 'impactSchedule',
    label: FIELD_LABELS['change.impactSchedule'],
    type: 'textarea',
    required: true,
  },
  {
    name: 'impactCost',
    label: FIELD_LABELS['change.impactCost'],
    type: 'textarea',
    required: true,
  },
  {
    name: 'replanRequirementId',
    label: FIELD_LABELS['change.replanRequirementId'],
    type: 'select',
    omitEmpty: true,
    options: requirements,
    hint: FIELD_HINTS['change.replanRequirementId'],
  },
  { name: 'replanDate', label: FIELD_LABELS['change.replanDate'], type: 'date', omitEmpty: true },
  {
    name: 'grantRequirementId',
    label: FIELD_LABELS['change.grantRequirementId'],
    type: 'select',
    omitEmpty: true,
    options: requirements,
    hint: FIELD_HINTS['change.grantRequirementId'],
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
        label: FIELD_LABELS['change.reply'],
        type: 'select',
        required: true,
        options: options(REPLY_DECISIONS, REPLY_DECISION_LABELS),
      },
      {
        name: 'comment',
        label: FIELD_LABELS['change.comment'],
        type: 'textarea',
        omitEmpty: true,
        hint: FIELD_HINTS['change.comment'],
      },
    ],
  },
  withdraw: {
    dto: ChangeWithdrawDto,
    fields: [
      {
        name: 'reason',
        label: FIELD_LABELS['change.withdrawReason'],
        type: 'textarea',
        required: true,
      },
      confirmField(FIELD_LABELS['confirm.withdraw']),
    ],
  },
  confirm: { dto: ChangeNoteDto, fields: note },
  'start-implementation': { dto: ChangeNoteDto, fields: note },
  archive: {
    dto: ChangeNoteDto,
    fields: [
      ...note,
      fileField('files', FIELD_LABELS['change.documents'], {
        required: true,
        multiple: true,
        problemField: 'documents',
      }),
    ],
    multipart: true,
  },
  close: { dto: ChangeNoteDto, fields: note },
};
