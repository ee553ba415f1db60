import { DomainError } from '../domain-error';
import type { ReportRefusal } from './report-refusal.types';
import { reportRefusalMessage } from './security.labels';

/**
 * A report file refused whole. A validation failure of the upload's `file` field, so the api
 * answers it like any other 400; `details.refusal` says what broke and where.
 */
export class ReportRefusedError extends DomainError {
  constructor(readonly refusal: ReportRefusal) {
    const message = reportRefusalMessage(refusal);
    super('validation_failed', message, { fields: [{ field: 'file', message }], refusal });
    this.name = 'ReportRefusedError';
  }
}
