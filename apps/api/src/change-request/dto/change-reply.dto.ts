import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import {
  CHANGE_COMMENT_MAX,
  REPLY_DECISIONS,
  type ReplyDecision,
} from '@luyue/change-request/definitions';
import { NotBlank, NotBlankWhen, Omittable } from '../../common/field.validators';

export class ChangeReplyDto {
  @ApiProperty({ enum: REPLY_DECISIONS })
  @IsIn(REPLY_DECISIONS)
  decision!: ReplyDecision;

  @ApiPropertyOptional({ maxLength: CHANGE_COMMENT_MAX, description: 'Required when disagreeing' })
  @ValidateIf((o: ChangeReplyDto) => o.decision === 'disagree' || o.comment !== undefined)
  @IsString()
  @NotBlankWhen('comment', (o: ChangeReplyDto) => o.decision === 'disagree')
  @MaxLength(CHANGE_COMMENT_MAX)
  comment?: string;
}

export class ChangeNoteDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ChangeWithdrawDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  // The workflow refuses a blank reason too; said here, the form shows it with the other errors.
  @NotBlank('reason')
  @MaxLength(2000)
  reason!: string;
}
