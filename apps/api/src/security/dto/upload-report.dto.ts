import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsUUID } from 'class-validator';
import { Omittable } from '../../common/field.validators';
import { REPORT_FORMATS, type ReportFormat } from '@luyue/security/definitions';
// A form's empty field means "not given".
const emptyIsAbsent = () =>
  Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

/** The multipart fields beside `file`. */
export class UploadReportDto {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'Told from the content when absent; a file of another format is refused',
  })
  @emptyIsAbsent()
  @Omittable()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ example: '2026-11-28' })
  @emptyIsAbsent()
  @Omittable()
  @IsISO8601({ strict: true })
  reportDate?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A retest of this notice (its own id): findings of the same format it no longer shows are marked fixed by retest',
  })
  @emptyIsAbsent()
  @Omittable()
  @IsUUID()
  retestOf?: string;
}
