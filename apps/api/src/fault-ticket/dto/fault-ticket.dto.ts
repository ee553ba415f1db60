import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  FAULT_EXTENSION_MAX_MINUTES,
  FAULT_LEVELS,
  FAULT_STATUSES,
  FAULT_TEXT_MAX,
  PAUSE_REASONS,
  SLA_CLOCKS,
  type FaultLevel,
  type FaultStatus,
  type PauseReason,
  type SlaClock,
} from '@luyue/fault-ticket/definitions';
import { NotBlank, Omittable } from '../../common/field.validators';
import { PageQueryDto } from '../../common/paged-list.dto';

export class ReportFaultDto {
  @ApiProperty({ description: "One of the contract's maintained systems" })
  @IsString()
  @NotBlank('system')
  @MaxLength(200)
  system!: string;

  @ApiProperty({ enum: FAULT_LEVELS })
  @IsIn(FAULT_LEVELS)
  level!: FaultLevel;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @NotBlank('title')
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: FAULT_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(FAULT_TEXT_MAX)
  description?: string;

  @ApiPropertyOptional({
    description:
      'When the fault was reported (a phone call the vendor logs): not in the future, not before the contract; default now',
  })
  @Omittable()
  @IsISO8601({ strict: true })
  reportedAt?: string;
}

export class FaultListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FAULT_LEVELS })
  @Omittable()
  @IsIn(FAULT_LEVELS)
  level?: FaultLevel;

  @ApiPropertyOptional({ enum: FAULT_STATUSES })
  @Omittable()
  @IsIn(FAULT_STATUSES)
  state?: FaultStatus;

  @ApiPropertyOptional({ description: 'Contract year (1, 2, …)' })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  year?: number;
}

export class FaultNoteDto {
  @ApiPropertyOptional({ maxLength: FAULT_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(FAULT_TEXT_MAX)
  note?: string;
}

export class FaultReasonDto {
  @ApiProperty({ maxLength: FAULT_TEXT_MAX })
  @IsString()
  @NotBlank('reason')
  @MaxLength(FAULT_TEXT_MAX)
  reason!: string;
}

export class ResolveFaultDto {
  @ApiProperty({ maxLength: FAULT_TEXT_MAX })
  @IsString()
  @NotBlank('cause')
  @MaxLength(FAULT_TEXT_MAX)
  cause!: string;

  @ApiProperty({ maxLength: FAULT_TEXT_MAX })
  @IsString()
  @NotBlank('solution')
  @MaxLength(FAULT_TEXT_MAX)
  solution!: string;
}

export class ConfirmLevelDto extends FaultNoteDto {
  @ApiProperty({ enum: FAULT_LEVELS })
  @IsIn(FAULT_LEVELS)
  level!: FaultLevel;
}

export class PauseFaultDto {
  @ApiProperty({ enum: PAUSE_REASONS })
  @IsIn(PAUSE_REASONS)
  reason!: PauseReason;

  @ApiProperty({ maxLength: FAULT_TEXT_MAX })
  @IsString()
  @NotBlank('note')
  @MaxLength(FAULT_TEXT_MAX)
  note!: string;

  @ApiPropertyOptional({
    description: 'The third-party supplier the hospital named (waiting_supplier)',
  })
  @Omittable()
  @IsString()
  @MaxLength(200)
  supplier?: string;
}

export class RequestExtensionDto extends FaultReasonDto {
  @ApiProperty({ enum: SLA_CLOCKS })
  @IsIn(SLA_CLOCKS)
  clock!: SlaClock;

  @ApiProperty({ minimum: 1, maximum: FAULT_EXTENSION_MAX_MINUTES, description: 'Covered minutes' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FAULT_EXTENSION_MAX_MINUTES)
  minutes!: number;
}
