import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { Omittable } from '../../common/field.validators';
import { CHANGE_STATUSES, type ChangeStatus } from '@luyue/change-request/definitions';

export class ChangeListQueryDto {
  @ApiPropertyOptional({ enum: CHANGE_STATUSES })
  @Omittable()
  @IsIn(CHANGE_STATUSES)
  status?: ChangeStatus;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100000 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class ChangeListItemDto {
  @ApiProperty({ example: 'CHG-2026-0001' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() changeType!: string;
  @ApiProperty({ enum: CHANGE_STATUSES }) status!: ChangeStatus;
  @ApiProperty() proposerParty!: string;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ type: String, nullable: true }) replyDueAt!: string | null;
}

export class ChangePageDto {
  @ApiProperty({ type: [ChangeListItemDto] }) items!: ChangeListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
