import type { SecurityNoticeRecord, SecurityReportRecord } from '@luyue/security';
import type { ImportDto, NoticeDto } from './dto/security-notice.dto';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : d;

export function noticeDtoOf(n: SecurityNoticeRecord): NoticeDto {
  return {
    id: n.id,
    contractId: n.contractId,
    number: n.number,
    issuedAt: n.issuedAt,
    source: n.source,
    assessor: n.assessor,
    system: n.system,
    title: n.title,
    issuedByEmail: n.issuedByEmail,
    lowestIssuedSeverity: n.lowestIssuedSeverity,
    tasks: n.tasks,
    tasksBySeverity: n.tasksBySeverity,
    tasksByState: n.tasksByState,
  };
}

export function importDtoOf(r: SecurityReportRecord): ImportDto {
  const finished = r.status !== 'queued' && r.status !== 'parsing';
  const percent = finished
    ? 100
    : r.bytesTotal
      ? Math.min(99, Math.floor((r.bytesRead / r.bytesTotal) * 100))
      : 0;
  return {
    importId: r.id,
    noticeId: r.noticeId,
    filename: r.filename,
    sha256: r.sha256,
    status: r.status,
    format: r.format ?? r.requestedFormat,
    reportDate: r.reportDate,
    retestOf: r.retestOf,
    progress: {
      itemsRead: r.itemsRead,
      itemsTotal: r.itemsTotal,
      bytesRead: r.bytesRead,
      bytesTotal: r.bytesTotal,
      percent,
    },
    // Summaries written before informational findings were kept apart have no count of them.
    summary: r.summary ? { informational: 0, ...r.summary } : null,
    failure: r.failure,
    uploadedAt: iso(r.uploadedAt)!,
    finishedAt: iso(r.finishedAt),
  };
}
