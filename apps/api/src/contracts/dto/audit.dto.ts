import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, Matches } from 'class-validator';
import { CalendarDate, Omittable } from '../../common/field.validators';
import { PageOf, PageQueryDto } from '../../common/paged-list.dto';
import { AUDIT_ACTOR_TYPES, type AuditActorType, PARTIES, type Party } from '@luyue/domain';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'contract',
    description: 'A subject type (`contract`), or a type and id (`contract:<uuid>`)',
  })
  @Omittable()
  @Matches(/^[a-z_]{1,50}(:[\w.:-]{1,200})?$/, { message: 'subject must be "type" or "type:id"' })
  subject?: string;

  @ApiPropertyOptional({ example: 'vendor.pm@demo.luyue.local', description: 'Who acted (email)' })
  @Omittable()
  @IsEmail({}, { message: 'actor must be an email address' })
  actor?: string;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'From this Shanghai date (YYYY-MM-DD)',
  })
  @Omittable()
  @CalendarDate('from')
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Up to and including this Shanghai date',
  })
  @Omittable()
  @CalendarDate('to')
  to?: string;
}

export class AuditEventDto {
  @ApiProperty({ description: 'Increasing with time' }) id!: string;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES }) actorType!: AuditActorType;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail!: string | null;
  @ApiProperty({ enum: PARTIES, nullable: true }) party!: Party | null;
  @ApiProperty({ example: 'contract.settings_updated' }) action!: string;
  @ApiProperty({ example: 'contract' }) subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ type: String, nullable: true }) contractId!: string | null;
  @ApiProperty({ description: 'Short before/after summary', type: Object })
  summary!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) workflowId!: string | null;
}

export class AuditPageDto extends PageOf(AuditEventDto) {}
