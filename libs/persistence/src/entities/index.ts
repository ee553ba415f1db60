import { CalendarYearEntity } from './calendar-year.entity';
import { DeadlineRecordEntity } from './deadline-record.entity';
import { OutboxMailEntity } from './outbox-mail.entity';
import { OrganizationEntity } from './organization.entity';
import { UserEntity } from './user.entity';
import { UserSessionEntity } from './user-session.entity';
import { LoginThrottleEntity } from './login-throttle.entity';
import { ContractEntity } from './contract.entity';
import { ContractYearEntity } from './contract-year.entity';
import { AuditEventEntity } from './audit-event.entity';
import { LinkTokenEntity } from './link-token.entity';

export { CalendarYearEntity, DeadlineRecordEntity, OutboxMailEntity };
export {
  OrganizationEntity,
  UserEntity,
  UserSessionEntity,
  LoginThrottleEntity,
  ContractEntity,
  ContractYearEntity,
  AuditEventEntity,
  LinkTokenEntity,
};
export type { OutboxStatus } from './outbox-mail.entity';

export const ENTITIES = [
  CalendarYearEntity,
  DeadlineRecordEntity,
  OutboxMailEntity,
  OrganizationEntity,
  UserEntity,
  UserSessionEntity,
  LoginThrottleEntity,
  ContractEntity,
  ContractYearEntity,
  AuditEventEntity,
  LinkTokenEntity,
];
