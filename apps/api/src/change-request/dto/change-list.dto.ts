import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Omittable } from '../../common/field.validators';
import { PageOf, PageQueryDto } from '../../common/paged-list.dto';
import { CHANGE_STATUSES, type ChangeStatus } from '@luyue/change-request/definitions';

export class ChangeListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CHANGE_STATUSES })
  @Omittable()
  @IsIn(CHANGE_STATUSES)
  status?: ChangeStatus;
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

export class ChangePageDto extends PageOf(ChangeListItemDto) {}
