import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { REMEDIATION_TEXT_MAX } from '@luyue/security/definitions';
import { NotBlank, Omittable } from '../../common/field.validators';

/** A multipart form sends `assets` as one id, several fields or a comma-separated list. */
const idList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value
          .flatMap((v) => String(v).split(','))
          .map((v) => v.trim())
          .filter(Boolean)
      : value;

export class RemediationNoteDto {
  @ApiPropertyOptional({ maxLength: REMEDIATION_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(REMEDIATION_TEXT_MAX)
  note?: string;
}

export class RemediationAssetsDto extends RemediationNoteDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Asset line ids; without it the step is for every line still open',
  })
  @Omittable()
  @Transform(idList)
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  assets?: string[];
}

/** `fix` is multipart: `note`, one or more `files` (the proof), optional `assets`. */
export class FixDto {
  @ApiProperty({ maxLength: REMEDIATION_TEXT_MAX, description: 'What was done' })
  @IsString()
  @NotBlank('note')
  @MaxLength(REMEDIATION_TEXT_MAX)
  note!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Asset line ids fixed; default every open line',
  })
  @Omittable()
  @Transform(idList)
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  assets?: string[];
}

export class RemediationReasonDto {
  @ApiProperty({ maxLength: REMEDIATION_TEXT_MAX })
  @IsString()
  @NotBlank('reason')
  @MaxLength(REMEDIATION_TEXT_MAX)
  reason!: string;
}

export class FailRetestDto extends RemediationReasonDto {
  @ApiPropertyOptional({ type: [String], description: 'Asset line ids that failed' })
  @Omittable()
  @Transform(idList)
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  assets?: string[];
}

export class AcceptRiskDto extends RemediationReasonDto {
  @ApiProperty({ example: '2027-06-30', description: 'Last day the acceptance holds' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expiresOn must be a date YYYY-MM-DD' })
  expiresOn!: string;
}
