import { AuditEventEntity } from './audit-event.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { DeadlineRecordEntity } from './deadline-record.entity';
import { LinkTokenEntity } from './link-token.entity';
import { OrganizationEntity } from './organization.entity';

export { AuditEventEntity, CalendarYearEntity, DeadlineRecordEntity, LinkTokenEntity };
export { OrganizationEntity };

/**
 * Only the tables read through TypeORM's repositories; every other table is written and read
 * with SQL in its repository, so it has no entity to keep in step with the migrations.
 */
export const ENTITIES = [
  AuditEventEntity,
  CalendarYearEntity,
  DeadlineRecordEntity,
  LinkTokenEntity,
  OrganizationEntity,
];
