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
import { RequirementEntity } from './requirement.entity';
import { RequirementCounterEntity } from './requirement-counter.entity';
import { RequirementTransitionEntity } from './requirement-transition.entity';
import { RequirementWorkLogEntity } from './requirement-work-log.entity';
import { QuotaEntryEntity } from './quota-entry.entity';
import { RequirementBreachEntity } from './requirement-breach.entity';

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
export {
  RequirementEntity,
  RequirementCounterEntity,
  RequirementTransitionEntity,
  RequirementWorkLogEntity,
  QuotaEntryEntity,
  RequirementBreachEntity,
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
  RequirementEntity,
  RequirementCounterEntity,
  RequirementTransitionEntity,
  RequirementWorkLogEntity,
  QuotaEntryEntity,
  RequirementBreachEntity,
];
