import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Omittable } from '../../common/field.validators';
import { ContractSettingsPatchDto } from './contract-settings.dto';
import { API_EXAMPLES, PARTY_SHORT_LABELS } from '@luyue/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateContractDto {
  @ApiProperty({ example: 'SZYY-YW-2026-001', description: 'Contract number, unique' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  number!: string;

  @ApiProperty({ example: API_EXAMPLES.contractName })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    format: 'uuid',
    description: `${PARTY_SHORT_LABELS.hospital}: an organization of party hospital`,
  })
  @IsUUID()
  hospitalOrganizationId!: string;

  @ApiProperty({
    format: 'uuid',
    description: `${PARTY_SHORT_LABELS.vendor}: an organization of party vendor`,
  })
  @IsUUID()
  vendorOrganizationId!: string;

  @ApiProperty({
    format: 'uuid',
    description: `${PARTY_SHORT_LABELS.supervisor}: an organization of party supervisor`,
  })
  @IsUUID()
  supervisorOrganizationId!: string;

  @ApiProperty({ example: '2026-01-01', description: 'First day of the service period' })
  @Matches(DATE, { message: 'startDate must be YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ example: '2028-12-31', description: 'Last day of the service period (inclusive)' })
  @Matches(DATE, { message: 'endDate must be YYYY-MM-DD' })
  endDate!: string;

  @ApiPropertyOptional({
    type: ContractSettingsPatchDto,
    description: 'Defaults apply to omissions',
  })
  @Omittable()
  @ValidateNested()
  @Type(() => ContractSettingsPatchDto)
  settings?: ContractSettingsPatchDto;
}
