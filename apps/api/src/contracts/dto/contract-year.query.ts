import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable } from '../../common/field.validators';

/** `?year=` of the contract-year reports (quota, stats, ledgers, figures): a contract year number, 1-based. */
export class ContractYearQueryDto {
  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    description:
      'Contract year (1 = the first year of the service period); default: the current one. ' +
      "Must be one of the contract's years (`years[].yearNo` of GET /api/contracts/{id}, e.g. " +
      '1–3 for a three-year contract); another is refused.',
  })
  @Omittable()
  @Type(() => Number)
  @IsInt({ message: 'year must be a contract year number (1, 2, …)' })
  @Min(1)
  @Max(10)
  year?: number;
}
