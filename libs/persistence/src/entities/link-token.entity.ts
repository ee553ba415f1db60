import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Party } from '@luyue/domain';

/** An issued email-link token; `used_at` is set exactly once when it is redeemed. */
@Entity({ name: 'link_token' })
export class LinkTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  jti!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ type: 'text' })
  party!: Party;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId!: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
