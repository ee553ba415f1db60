import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, MaxLength } from 'class-validator';
import {
  FINDING_SEVERITIES,
  LOWEST_ISSUED_SEVERITY,
  IMPORT_STATUSES,
  NOTICE_SOURCES,
  REPORT_FORMATS,
  type ImportStatus,
  type NoticeSource,
  type FindingSeverity,
  type ReportFormat,
  type ReportRefusal,
  type RemediationStatus,
} from '@luyue/security/definitions';
import { NotBlank, Omittable } from '../../common/field.validators';
import { API_EXAMPLES, COMPLIANCE_LABELS, FIELD_LABELS } from '@luyue/domain';

export class IssueNoticeDto {
  @ApiProperty({
    example: 'AQZG-2026-003',
    maxLength: 100,
    description: FIELD_LABELS['notice.number'],
  })
  @IsString()
  @NotBlank('number')
  @MaxLength(100)
  number!: string;

  @ApiProperty({ example: '2026-12-01', description: 'Date (or instant) the notice was issued' })
  @IsISO8601({ strict: true })
  issuedAt!: string;

  @ApiProperty({ enum: NOTICE_SOURCES })
  @IsIn(NOTICE_SOURCES)
  source!: NoticeSource;

  @ApiProperty({ example: API_EXAMPLES.noticeAssessor, maxLength: 200 })
  @IsString()
  @NotBlank('assessor')
  @MaxLength(200)
  assessor!: string;

  @ApiPropertyOptional({ example: 'HIS', description: "One of the contract's systems" })
  @Omittable()
  @IsString()
  @MaxLength(100)
  system?: string;

  @ApiProperty({ example: API_EXAMPLES.noticeTitle, maxLength: 200 })
  @IsString()
  @NotBlank('title')
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({
    enum: FINDING_SEVERITIES,
    default: LOWEST_ISSUED_SEVERITY,
    description:
      'The lowest severity issued as remediation tasks; findings below it are kept with the notice, not issued',
  })
  @Omittable()
  @IsIn(FINDING_SEVERITIES)
  lowestIssuedSeverity?: FindingSeverity;
}

/** How many informational vulnerabilities a notice lists; its count tells the rest. */
export const INFORMATIONAL_SHOWN = 200;

export class ImportSummaryDto {
  @ApiProperty({ enum: REPORT_FORMATS, nullable: true }) format!: ReportFormat | null;
  @ApiProperty({ description: 'Distinct findings in the file issued as remediation tasks' })
  findings!: number;
  @ApiProperty({
    description: 'Distinct informational findings in the file: kept with the notice, not issued',
  })
  informational!: number;
  @ApiProperty() created!: number;
  @ApiProperty() merged!: number;
  @ApiProperty() reopened!: number;
  @ApiProperty({ description: 'Retest: findings no longer seen' }) closed!: number;
  @ApiProperty() tasksCreated!: number;
  @ApiProperty() itemsRead!: number;
  @ApiProperty({
    description: `${COMPLIANCE_LABELS.compliant}/${COMPLIANCE_LABELS.not_applicable} rows, counted not imported`,
  })
  compliant!: number;
  @ApiPropertyOptional({
    description:
      'Optional fields the scanner left empty, by element, with how many items lacked them (`result/threat`: severity taken from the CVSS score)',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  gaps?: Record<string, number>;
  @ApiPropertyOptional({ description: 'Why the file was refused: reason, where, message' })
  refused?: ReportRefusal & { message: string };
}

export class ImportDto {
  @ApiProperty({ format: 'uuid' }) importId!: string;
  @ApiProperty({ format: 'uuid' }) noticeId!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: ImportStatus;
  @ApiProperty({ enum: REPORT_FORMATS, nullable: true }) format!: ReportFormat | null;
  @ApiProperty({ type: String, nullable: true }) reportDate!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) retestOf!: string | null;
  @ApiProperty({
    description: 'itemsRead and bytesRead so far; itemsTotal once known, bytesTotal from upload',
  })
  progress!: {
    itemsRead: number;
    itemsTotal: number | null;
    bytesRead: number;
    bytesTotal: number | null;
    percent: number;
  };
  @ApiProperty({ type: ImportSummaryDto, nullable: true }) summary!: ImportSummaryDto | null;
  @ApiProperty({ nullable: true, description: 'Why the import gave up (status failed)' })
  failure!: string | null;
  @ApiProperty() uploadedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export class ImportAcceptedDto {
  @ApiProperty({ format: 'uuid' }) importId!: string;
  @ApiProperty({ description: 'True when the same file was imported into this notice before' })
  duplicate!: boolean;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: ImportStatus;
}

export class NoticeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() number!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ enum: NOTICE_SOURCES }) source!: NoticeSource;
  @ApiProperty() assessor!: string;
  @ApiProperty({ type: String, nullable: true }) system!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) issuedByEmail!: string | null;
  @ApiProperty({
    enum: FINDING_SEVERITIES,
    description: 'The lowest severity issued as remediation tasks',
  })
  lowestIssuedSeverity!: FindingSeverity;
  @ApiProperty() tasks!: number;
  @ApiProperty({ description: 'Tasks per severity', example: { high: 2, medium: 5 } })
  tasksBySeverity!: Partial<Record<FindingSeverity, number>>;
  @ApiProperty({ description: 'Tasks per state', example: { open: 6, verified: 1 } })
  tasksByState!: Partial<Record<RemediationStatus, number>>;
}

export class NoticeCountsDto {
  @ApiProperty({ description: 'Tasks per severity', example: { high: 2, medium: 5 } })
  bySeverity!: Partial<Record<FindingSeverity, number>>;
  @ApiProperty({ description: 'Tasks per state', example: { open: 7 } })
  byState!: Partial<Record<RemediationStatus, number>>;
  @ApiProperty() tasks!: number;
  @ApiProperty() assetLines!: number;
  @ApiProperty() fixedByRetest!: number;
  @ApiProperty() findings!: number;
  @ApiProperty({ description: 'Informational findings: kept with the notice, not issued as tasks' })
  informational!: number;
}

export class InformationalFindingDto {
  @ApiProperty({ enum: REPORT_FORMATS }) format!: ReportFormat;
  @ApiProperty() vulnerabilityId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Assets it was seen on' }) assets!: number;
  @ApiProperty({ type: [String], description: 'The first few assets, by label' })
  labels!: string[];
}

export class NoticeDetailDto extends NoticeDto {
  @ApiProperty({ type: NoticeCountsDto }) counts!: NoticeCountsDto;
  @ApiProperty({
    type: [InformationalFindingDto],
    description: `Informational findings by vulnerability, most widespread first (at most ${INFORMATIONAL_SHOWN})`,
  })
  informational!: InformationalFindingDto[];
  @ApiProperty({ type: [ImportDto] }) reports!: ImportDto[];
}
