import { DomainError, reportRefusalMessage } from '@luyue/domain';
import type { ReportRefusal } from './report-refusal.types';
const QUOTED_CHARS = 100;

function quotedValue(value: string): string {
  const chars = Array.from(value.replace(/\0/g, '\\0'));
  return chars.length > QUOTED_CHARS ? `${chars.slice(0, QUOTED_CHARS).join('')}…` : chars.join('');
}

/**
 * A report file refused whole. A validation failure of the upload's `file` field, so the api
 * answers it like any other 400; `details.refusal` says what broke and where.
 */
export class ReportRefusedError extends DomainError<'security.report_refused'> {
  readonly refusal: ReportRefusal;

  constructor(refusal: ReportRefusal) {
    // The value quoted is the file's own text: kept short, and without NUL, which neither the
    // message's reader nor PostgreSQL's jsonb takes.
    const quoted =
      refusal.value === undefined ? refusal : { ...refusal, value: quotedValue(refusal.value) };
    super(
      'validation_failed',
      'security.report_refused',
      { refusal: quoted },
      { fields: [{ field: 'file', message: reportRefusalMessage(quoted) }], refusal: quoted },
    );
    this.refusal = quoted;
    this.name = 'ReportRefusedError';
  }
}
