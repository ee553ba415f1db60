import { Foundation1763860000000 } from './1763860000000-foundation';
import { Identity1763870000000 } from './1763870000000-identity';
import { Requirements1763880000000 } from './1763880000000-requirements';
import { Idempotency1764600000000 } from './1764600000000-idempotency';
import { ChangeRequests1764700000000 } from './1764700000000-change-requests';
import { Security1764800000000 } from './1764800000000-security';
import { Remediation1764900000000 } from './1764900000000-remediation';
import { SecurityImportFailure1765000000000 } from './1765000000000-security-import-failure';
import { IdempotencySubject1765100000000 } from './1765100000000-idempotency-subject';
import { QuotaChangeGrant1765210000000 } from './1765210000000-quota-change-grant';
import { SecurityReportRetry1765250000000 } from './1765250000000-security-report-retry';
import { AssetLineUrl1765260000000 } from './1765260000000-asset-line-url';
import { SecurityReportIssuing1765300000000 } from './1765300000000-security-report-issuing';
import { FaultTickets1765400000000 } from './1765400000000-fault-tickets';
import { SecurityTaskNumber1765500000000 } from './1765500000000-security-task-number';
import { Duties1765700000000 } from './1765700000000-duties';
import { SecurityInfoFinding1765800000000 } from './1765800000000-security-info-finding';
import { NoticeIssuedSeverity1765800100000 } from './1765800100000-notice-issued-severity';
import { AssessmentTemplate1765900000000 } from './1765900000000-assessment-template';

/** Every migration in order; a landed migration is never edited, only followed by a new one. */
export const MIGRATIONS = [
  Foundation1763860000000,
  Identity1763870000000,
  Requirements1763880000000,
  Idempotency1764600000000,
  ChangeRequests1764700000000,
  Security1764800000000,
  Remediation1764900000000,
  SecurityImportFailure1765000000000,
  IdempotencySubject1765100000000,
  QuotaChangeGrant1765210000000,
  SecurityReportRetry1765250000000,
  AssetLineUrl1765260000000,
  SecurityReportIssuing1765300000000,
  FaultTickets1765400000000,
  SecurityTaskNumber1765500000000,
  Duties1765700000000,
  SecurityInfoFinding1765800000000,
  NoticeIssuedSeverity1765800100000,
  AssessmentTemplate1765900000000,
];
