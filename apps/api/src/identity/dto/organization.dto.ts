import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { PARTIES, type Party } from '@luyue/domain';

export class CreateOrganizationDto {
  @ApiProperty({ example: '示例市第一人民医院' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: PARTIES, description: '甲方 hospital, 乙方 vendor or 监理方 supervisor' })
  @IsIn(PARTIES)
  party!: Party;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTIES }) party!: Party;
  @ApiProperty() createdAt!: Date;
}
