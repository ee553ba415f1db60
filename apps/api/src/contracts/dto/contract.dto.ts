import { ApiProperty } from '@nestjs/swagger';
import { PARTIES, type Party } from '@luyue/domain';
import type { ContractRecord } from '@luyue/persistence';
import { OrganizationRefDto } from '../../auth/dto/me.dto';
import { ContractSettingsDto } from './contract-settings.dto';

export class ContractYearDto {
  @ApiProperty({ example: 1 }) yearNo!: number;
  @ApiProperty({ example: '2026-01-01' }) startDate!: string;
  @ApiProperty({ example: '2026-12-31' }) endDate!: string;
}

export class ContractDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: OrganizationRefDto }) hospital!: OrganizationRefDto;
  @ApiProperty({ type: OrganizationRefDto }) vendor!: OrganizationRefDto;
  @ApiProperty({ type: OrganizationRefDto }) supervisor!: OrganizationRefDto;
  @ApiProperty({ example: '2026-01-01' }) startDate!: string;
  @ApiProperty({ example: '2028-12-31' }) endDate!: string;
  @ApiProperty({ type: ContractYearDto, isArray: true }) years!: ContractYearDto[];
  @ApiProperty({ type: ContractSettingsDto }) settings!: ContractSettingsDto;
  @ApiProperty({
    enum: PARTIES,
    nullable: true,
    description: 'The party the caller speaks for in this contract (null: admin oversight)',
  })
  myParty!: Party | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export function toContractDto(c: ContractRecord, myParty: Party | null): ContractDto {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    hospital: c.hospital,
    vendor: c.vendor,
    supervisor: c.supervisor,
    startDate: c.startDate,
    endDate: c.endDate,
    years: c.years,
    settings: c.settings,
    myParty,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
