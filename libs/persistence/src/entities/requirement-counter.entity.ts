import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last request number used per year label (REQ-<year>-<4 digits>). */
@Entity({ name: 'requirement_counter' })
export class RequirementCounterEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'last_sequence', type: 'int' })
  lastSequence!: number;
}
