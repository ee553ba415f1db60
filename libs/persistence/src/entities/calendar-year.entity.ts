import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An official holiday schedule (holidays and make-up working days) loaded by an admin for one year. */
@Entity({ name: 'calendar_year' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'jsonb' })
  holidays!: string[];

  @Column({ type: 'jsonb' })
  workdays!: string[];

  @Column({ name: 'loaded_by', type: 'text' })
  loadedBy!: string;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt!: Date;
}
