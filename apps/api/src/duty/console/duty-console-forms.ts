import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import {
  CHECK_RESULT_LABELS,
  DUTY_STEP_FIELDS,
  dutyItemLabel,
  dutyItemNoteLabel,
  FAULT_LEVEL_LABELS,
} from '@luyue/domain';
import {
  CHECK_RESULTS,
  DUTY_ACTIONS,
  DUTY_TEXT_MAX,
  type ChecklistItem,
  type DutyAction,
} from '@luyue/duty/definitions';
import { FAULT_LEVELS } from '@luyue/fault-ticket/definitions';
import type { ClassConstructor } from 'class-transformer';
import { Omittable } from '../../common/field.validators';
import { confirmField, type Field } from '../../console/console-field';
import { DutyFollowUpDto, DutyReasonDto } from '../dto/duty.dto';

/** The record form's own field; each checklist item adds its answer (see `itemFields`). */
export class RecordSummaryDto {
  @ApiPropertyOptional({ maxLength: DUTY_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(DUTY_TEXT_MAX)
  summary?: string;
}

/** The sign form's own field; the record's hash rides along hidden, as the page showed it. */
export class SignNoteDto {
  @ApiPropertyOptional({ maxLength: DUTY_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(DUTY_TEXT_MAX)
  note?: string;
}

const options = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) =>
  values.map((value) => ({ value, label: labels[value] }));

const reason: Field = {
  name: 'reason',
  label: DUTY_STEP_FIELDS.reason,
  type: 'textarea',
  required: true,
};

/** Each step's form: the REST route's DTO and the controls that fill it. */
export const DUTY_ACTION_FORMS: Readonly<
  Record<DutyAction, { dto: ClassConstructor<object>; fields: Field[]; multipart?: true }>
> = {
  record: {
    dto: RecordSummaryDto,
    fields: [
      { name: 'summary', label: DUTY_STEP_FIELDS.summary, type: 'textarea', omitEmpty: true },
    ],
    multipart: true,
  },
  sign: {
    dto: SignNoteDto,
    fields: [{ name: 'note', label: DUTY_STEP_FIELDS.signNote, type: 'textarea', omitEmpty: true }],
  },
  refuse: { dto: DutyReasonDto, fields: [reason] },
  cancel: { dto: DutyReasonDto, fields: [reason, confirmField(DUTY_STEP_FIELDS.confirmCancel)] },
};

export const isDutyAction = (a: string): a is DutyAction =>
  (DUTY_ACTIONS as readonly string[]).includes(a);

/** One answer per checklist item: its result and its note, named as the rules name them. */
export function itemFields(checklist: readonly ChecklistItem[]): Field[] {
  return checklist.flatMap((item) => [
    {
      name: `answers.${item.key}.result`,
      label: dutyItemLabel(item.text, item.expected),
      type: 'select' as const,
      required: true,
      options: options(CHECK_RESULTS, CHECK_RESULT_LABELS),
    },
    {
      name: `answers.${item.key}.note`,
      label: dutyItemNoteLabel(item.text),
      type: 'textarea' as const,
    },
  ]);
}

/** The answers as the record route takes them, from the form's item fields. */
export function answersJsonOf(
  checklist: readonly ChecklistItem[],
  body: Record<string, unknown> | undefined,
): string {
  const text = (name: string) => (typeof body?.[name] === 'string' ? body[name] : '');
  return JSON.stringify(
    checklist
      .filter((item) => text(`answers.${item.key}.result`) !== '')
      .map((item) => ({
        key: item.key,
        result: text(`answers.${item.key}.result`),
        note: text(`answers.${item.key}.note`),
      })),
  );
}

/** The fault-ticket form of an abnormal item: the level. */
export const FAULT_FROM_ITEM = {
  dto: DutyFollowUpDto,
  fields: [
    {
      name: 'level',
      label: DUTY_STEP_FIELDS.level,
      type: 'select',
      required: true,
      options: options(FAULT_LEVELS, FAULT_LEVEL_LABELS),
    },
  ] as Field[],
};
