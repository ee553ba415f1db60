import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One contract year; quota and yearly statistics are counted per contract year. */
@Entity({ name: 'contract_year' })
export class ContractYearEntity {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @PrimaryColumn({ name: 'year_no', type: 'int' })
  yearNo!: number;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;
}
