import { CalendarYearEntity } from './calendar-year.entity';
import { DeadlineRecordEntity } from './deadline-record.entity';
import { OutboxMailEntity } from './outbox-mail.entity';

export { CalendarYearEntity, DeadlineRecordEntity, OutboxMailEntity };
export type { OutboxStatus } from './outbox-mail.entity';

export const ENTITIES = [CalendarYearEntity, DeadlineRecordEntity, OutboxMailEntity];
