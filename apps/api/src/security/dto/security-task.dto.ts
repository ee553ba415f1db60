import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { Omittable } from '../../common/field.validators';
import { PageOf, PageQueryDto } from '../../common/paged-list.dto';
import {
  FINDING_SEVERITIES,
  type FindingSeverity,
  type ReportFormat,
  NOTICE_SOURCES,
  type NoticeSource,
  LINE_STATUSES,
  REMEDIATION_STATUSES,
  type LineStatus,
  type RemediationStatus,
} from '@luyue/security/definitions';
import { sheetHeader } from '@luyue/security';

export class SecurityTaskListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One notice' })
  @Omittable()
  @IsUUID()
  notice?: string;

  @ApiPropertyOptional({ enum: FINDING_SEVERITIES })
  @Omittable()
  @IsIn(FINDING_SEVERITIES)
  severity?: FindingSeverity;

  @ApiPropertyOptional({ enum: REMEDIATION_STATUSES })
  @Omittable()
  @IsIn(REMEDIATION_STATUSES)
  state?: RemediationStatus;

  @ApiPropertyOptional({ example: 'HIS' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  system?: string;

  @ApiPropertyOptional({
    example: '10.0.0.5',
    description: `An affected host (or ${sheetHeader('mlps_sheet', 'target')})`,
  })
  @Omittable()
  @IsString()
  @MaxLength(255)
  host?: string;

  @ApiPropertyOptional({ example: 'CVE-2016-2183' })
  @Omittable()
  @IsString()
  @MaxLength(50)
  cve?: string;

  @ApiPropertyOptional({ enum: NOTICE_SOURCES })
  @Omittable()
  @IsIn(NOTICE_SOURCES)
  source?: NoticeSource;
}

export class SecurityTaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) noticeId!: string;
  @ApiProperty() noticeNumber!: string;
  @ApiProperty({
    example: 'AQZG-2026-001-3',
    description: "The task's own number: its notice's, then its place in it",
  })
  number!: string;
  @ApiProperty() format!: ReportFormat;
  @ApiProperty({
    description: `Plugin id, NVT oid, vul_id, or ${sheetHeader('crypto_sheet', 'layer')}/${sheetHeader('mlps_sheet', 'controlPoint')}`,
  })
  vulnerabilityId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity!: FindingSeverity;
  @ApiProperty({ enum: NOTICE_SOURCES }) source!: NoticeSource;
  @ApiProperty({ type: String, nullable: true }) system!: string | null;
  @ApiProperty({ enum: REMEDIATION_STATUSES }) state!: RemediationStatus;
  @ApiProperty({ description: 'Remediation due (working days by severity)' }) dueAt!: string;
  @ApiProperty({ description: 'Computed without the official holiday schedule' })
  provisional!: boolean;
  @ApiProperty() foundInRetest!: boolean;
  @ApiProperty({ type: [String] }) cves!: string[];
  @ApiProperty() assetLines!: number;
  @ApiProperty() fixedByRetest!: number;
}

export class SecurityTaskPageDto extends PageOf(SecurityTaskDto) {}

export class SecurityFindingDto {
  @ApiProperty() findingKey!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity!: FindingSeverity;
  @ApiProperty({ type: String, nullable: true }) service!: string | null;
  @ApiProperty({ type: [String] }) cves!: string[];
  @ApiProperty({ type: Number, nullable: true }) cvss!: number | null;
  @ApiProperty() solution!: string;
  @ApiProperty({
    description: `Plugin output / mess_string / ${sheetHeader('mlps_sheet', 'description')}`,
  })
  evidence!: string;
  @ApiProperty({ type: String, nullable: true }) layer!: string | null;
  @ApiProperty({ type: String, nullable: true }) controlPoint!: string | null;
  @ApiProperty({ type: String, nullable: true }) item!: string | null;
  @ApiProperty({ type: String, nullable: true }) compliance!: string | null;
  @ApiProperty({ description: 'False once a retest no longer shows it' }) present!: boolean;
  @ApiProperty() seenCount!: number;
}

export class SecurityAssetLineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '10.0.0.5:443/tcp' }) label!: string;
  @ApiProperty({ type: String, nullable: true }) host!: string | null;
  @ApiProperty({ type: Number, nullable: true }) port!: number | null;
  @ApiProperty({ type: String, nullable: true }) protocol!: string | null;
  @ApiProperty({ type: String, nullable: true, description: sheetHeader('mlps_sheet', 'target') })
  target!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'RSAS web scan: the site URL' })
  url!: string | null;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity!: FindingSeverity;
  @ApiProperty({ enum: LINE_STATUSES }) state!: LineStatus;
  @ApiProperty() fixedByRetest!: boolean;
  @ApiProperty() foundInRetest!: boolean;
  @ApiProperty({ type: [SecurityFindingDto] }) findings!: SecurityFindingDto[];
}

export class SecurityTaskDetailDto extends SecurityTaskDto {
  @ApiProperty({ type: [SecurityAssetLineDto] }) lines!: SecurityAssetLineDto[];
}
