import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ContractSettings } from '@luyue/domain';

/** A maintenance contract between a hospital and a vendor, supervised by a third firm. */
@Entity({ name: 'contract' })
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'hospital_organization_id', type: 'uuid' })
  hospitalOrganizationId!: string;

  @Column({ name: 'vendor_organization_id', type: 'uuid' })
  vendorOrganizationId!: string;

  @Column({ name: 'supervisor_organization_id', type: 'uuid' })
  supervisorOrganizationId!: string;

  /** YYYY-MM-DD; pg returns `date` columns as strings here. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ type: 'jsonb' })
  settings!: ContractSettings;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
