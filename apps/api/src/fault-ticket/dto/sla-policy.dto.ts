import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import type { CoverageSpec, LevelPolicy, FaultLevel } from '@luyue/fault-ticket/definitions';

/**
 * A contract's SLA policy: named coverages, and per level its clocks (budget in covered minutes
 * or `{ endOfDay: true }`, a coverage name, warnings). Checked field by field by the policy's
 * own rules when saved.
 */
export class SlaPolicyDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { working_hours: { days: 'working', segments: ['08:00-12:00', '13:30-17:30'] } },
  })
  @IsObject()
  coverages!: Record<string, CoverageSpec>;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  levels!: Record<FaultLevel, LevelPolicy>;
}
