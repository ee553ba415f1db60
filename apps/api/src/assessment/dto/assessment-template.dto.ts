import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ASSESSMENT_INDICATOR_KEYS,
  type AssessmentIndicatorKey,
  type AssessmentTemplate,
} from '@luyue/assessment/definitions';

export class IndicatorSettingDto {
  @ApiProperty({ enum: ASSESSMENT_INDICATOR_KEYS, example: 'requirement_completion' })
  @IsIn(ASSESSMENT_INDICATOR_KEYS)
  key!: AssessmentIndicatorKey;

  @ApiProperty({ description: 'Switched off: shown, left out of the verdict' })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({
    minimum: 0,
    maximum: 100000,
    example: 95,
    description: 'Percent or points (0–100, two decimals at most), or the most overruns allowed',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000)
  target!: number;
}

export class MaintenanceWindowDto {
  @ApiProperty({ example: '2026-03-01T22:00:00+08:00' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2026-03-02T02:00:00+08:00' })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiProperty({ maxLength: 500, example: '' })
  @IsString()
  @MaxLength(500)
  note!: string;
}

export class AvailabilitySourceDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: "The monitoring platform's percent when that is the agreed source; null: computed",
  })
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  manualPercent!: number | null;

  @ApiProperty({ maxLength: 500, description: 'Where the manual figure comes from (its file)' })
  @IsString()
  @MaxLength(500)
  manualNote!: string;

  @ApiProperty({ type: [MaintenanceWindowDto], maxItems: 366 })
  @IsArray()
  @ArrayMaxSize(366)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MaintenanceWindowDto)
  maintenanceWindows!: MaintenanceWindowDto[];
}

/** A contract's assessment template: every indicator once, and availability's source. */
export class AssessmentTemplateDto implements AssessmentTemplate {
  @ApiProperty({ type: [IndicatorSettingDto], maxItems: ASSESSMENT_INDICATOR_KEYS.length })
  @IsArray()
  @ArrayMaxSize(ASSESSMENT_INDICATOR_KEYS.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IndicatorSettingDto)
  indicators!: IndicatorSettingDto[];

  @ApiProperty({ type: AvailabilitySourceDto })
  // ValidateNested alone lets an array or a missing value through.
  @IsObject()
  @ValidateNested()
  @Type(() => AvailabilitySourceDto)
  availability!: AvailabilitySourceDto;
}
