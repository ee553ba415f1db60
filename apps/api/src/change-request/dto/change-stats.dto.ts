import { ApiProperty } from '@nestjs/swagger';
import type { ChangeStatus } from '@luyue/change-request/definitions';
import type { Party } from '@luyue/domain';

export class ChangeSilentBreachDto {
  @ApiProperty({ example: 'CHG-2026-0001' }) changeRequestId!: string;
  @ApiProperty({ enum: ['hospital', 'vendor', 'supervisor'] }) party!: Party;
  @ApiProperty({ description: 'The reply deadline the party let pass' }) dueAt!: string;
}

/** A contract year's change requests for the yearly report. */
export class ChangeStatsDto {
  @ApiProperty({ example: 1 }) contractYear!: number;
  @ApiProperty({ description: 'Change requests proposed in the year' }) total!: number;
  @ApiProperty({
    description: 'Count per status (every status, zero included)',
    example: { awaiting_replies: 1, agreed: 0, closed: 2, rejected: 1, lapsed: 1 },
  })
  byStatus!: Record<ChangeStatus, number>;
  @ApiProperty({
    description: 'Breaches of the reply deadline (a silent party) per party, zero included',
    example: { hospital: 0, vendor: 0, supervisor: 1 },
  })
  silentBreaches!: Record<Party, number>;
  @ApiProperty({ type: [ChangeSilentBreachDto], description: 'Each silent party, oldest first' })
  breaches!: ChangeSilentBreachDto[];
}
