import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../common/field.validators';

const days = (description: string) => ApiPropertyOptional({ type: Number, description });

export class RemediationDaysPatchDto {
  @days('Working days to fix a high finding')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(366)
  high?: number;

  @days('Working days to fix a medium finding')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(366)
  medium?: number;

  @days('Working days to fix a low finding')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(366)
  low?: number;
}

export class ReminderLeadsPatchDto {
  @days('Working days before the assessment deadline')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(366)
  assessment?: number;

  @days('Working days before the change-reply deadline')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(366)
  changeReply?: number;

  @days('Working days before the retest deadline')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(366)
  retest?: number;

  @days('Working days before a remediation deadline')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(366)
  remediation?: number;
}

/** Any subset of the settings; nested records may be given in part. */
export class ContractSettingsPatchDto {
  @days('Free interface-development person-days per contract year (default 50)')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10000)
  interfaceQuotaPersonDays?: number;

  @days('Technical assessment period (default 3)')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(366)
  assessmentWorkingDays?: number;

  @days('Change-request reply period (default 5)')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(366)
  changeReplyWorkingDays?: number;

  @days('Security retest period (default 7)')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(366)
  retestWorkingDays?: number;

  @days('Calendar days before a planned date by which a delay must be announced (default 7)')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(366)
  delayNoticeDays?: number;

  @ApiPropertyOptional({ type: RemediationDaysPatchDto })
  @Omittable()
  @ValidateNested()
  @Type(() => RemediationDaysPatchDto)
  remediationWorkingDays?: RemediationDaysPatchDto;

  @ApiPropertyOptional({ type: ReminderLeadsPatchDto })
  @Omittable()
  @ValidateNested()
  @Type(() => ReminderLeadsPatchDto)
  reminderLeadWorkingDays?: ReminderLeadsPatchDto;

  @ApiPropertyOptional({
    example: ['HIS', 'EMR', 'LIS', 'PACS'],
    description: 'Maintained systems',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  systems?: string[];
}

export class RemediationDaysDto {
  @ApiProperty() high!: number;
  @ApiProperty() medium!: number;
  @ApiProperty() low!: number;
}

export class ReminderLeadsDto {
  @ApiProperty() assessment!: number;
  @ApiProperty() changeReply!: number;
  @ApiProperty() retest!: number;
  @ApiProperty() remediation!: number;
}

export class ContractSettingsDto {
  @ApiProperty({ example: 50 }) interfaceQuotaPersonDays!: number;
  @ApiProperty({ example: 3 }) assessmentWorkingDays!: number;
  @ApiProperty({ example: 5 }) changeReplyWorkingDays!: number;
  @ApiProperty({ example: 7 }) retestWorkingDays!: number;
  @ApiProperty({ example: 7 }) delayNoticeDays!: number;
  @ApiProperty({ type: RemediationDaysDto }) remediationWorkingDays!: RemediationDaysDto;
  @ApiProperty({ type: ReminderLeadsDto }) reminderLeadWorkingDays!: ReminderLeadsDto;
  @ApiProperty({ type: String, isArray: true, example: ['HIS', 'EMR'] }) systems!: string[];
}
