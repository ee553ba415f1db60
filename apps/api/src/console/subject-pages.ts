import { auditSubjectLabel } from '@luyue/domain';
import type { AuditSubjectName } from '@luyue/persistence';

/** The console page of an audited subject, by its type; none for accounts, files and the like. */
const SUBJECT_PAGES: Readonly<Record<string, (id: string) => string>> = {
  requirement: (id) => `/requirements/${encodeURIComponent(id)}`,
  change_request: (id) => `/change-requests/${encodeURIComponent(id)}`,
  security_task: (id) => `/security/tasks/${encodeURIComponent(id)}`,
  security_notice: (id) => `/security/notices/${encodeURIComponent(id)}`,
  fault_ticket: (id) => `/fault-tickets/${encodeURIComponent(id)}`,
  duty_occurrence: (id) => `/duties/${encodeURIComponent(id)}`,
};

export function subjectPage(type: string, id: string): string | null {
  return Object.hasOwn(SUBJECT_PAGES, type) ? SUBJECT_PAGES[type](id) : null;
}

/** An audited subject as a page shows it: number and title (from one batched lookup), link. */
export function subjectView(
  e: { subjectType: string; subjectId: string },
  names: ReadonlyMap<string, AuditSubjectName>,
): { subject: string; link: string | null } {
  const name = names.get(`${e.subjectType}:${e.subjectId}`);
  return {
    subject: auditSubjectLabel(e.subjectType, name),
    // A subject that is gone has no page to open.
    link: name ? subjectPage(e.subjectType, e.subjectId) : null,
  };
}
