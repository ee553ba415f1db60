import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { API_EXAMPLES, PARTY_SHORT_LABELS, PARTIES, type Party } from '@luyue/domain';

export class CreateOrganizationDto {
  @ApiProperty({ example: API_EXAMPLES.organizationName })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    enum: PARTIES,
    description: `${PARTY_SHORT_LABELS.hospital} hospital, ${PARTY_SHORT_LABELS.vendor} vendor or ${PARTY_SHORT_LABELS.supervisor} supervisor`,
  })
  @IsIn(PARTIES)
  party!: Party;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTIES }) party!: Party;
  @ApiProperty() createdAt!: Date;
}
