import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from '../../common/field.validators';
import { PageOf, PageQueryDto } from '../../common/paged-list.dto';
import {
  REQUIREMENT_KINDS,
  REQUIREMENT_PRIORITIES,
  REQUIREMENT_STATUSES,
  type RequirementKind,
  type RequirementPriority,
  type RequirementStatus,
} from '@luyue/requirement/definitions';

export class RequirementListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUIREMENT_STATUSES })
  @Omittable()
  @IsIn(REQUIREMENT_STATUSES)
  status?: RequirementStatus;

  @ApiPropertyOptional({ enum: REQUIREMENT_KINDS })
  @Omittable()
  @IsIn(REQUIREMENT_KINDS)
  kind?: RequirementKind;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only (true) or no (false) open requests past their assessment or delivery date',
  })
  @Omittable()
  // Query strings are text: only the words true and false are booleans here.
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ example: 'HIS', description: 'One maintained system' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  system?: string;

  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    description:
      'Contract year the request was received in (1 = the first year of the service period). ' +
      "Must be one of the contract's years (`years[].yearNo` of GET /api/contracts/{id}, e.g. " +
      '1–3 for a three-year contract); another is refused.',
  })
  @Omittable()
  @Type(() => Number)
  @IsInt({ message: 'year must be a contract year number (1, 2, …)' })
  @Min(1)
  @Max(10)
  year?: number;

  @ApiPropertyOptional({ description: 'Search: part of the request number or title' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class RequirementListItemDto {
  @ApiProperty({ example: 'REQ-2026-0001' }) id!: string;
  @ApiProperty({ enum: REQUIREMENT_STATUSES }) status!: RequirementStatus;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: REQUIREMENT_KINDS, nullable: true }) kind!: RequirementKind | null;
  @ApiProperty() system!: string;
  @ApiProperty({ enum: REQUIREMENT_PRIORITIES }) priority!: RequirementPriority;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ type: String, nullable: true }) assessmentDueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) plannedDeliveryDate!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class RequirementPageDto extends PageOf(RequirementListItemDto) {}
