/** The console page of an audited subject, by its type; none for accounts, files and the like. */
const SUBJECT_PAGES: Readonly<Record<string, (id: string) => string>> = {
  requirement: (id) => `/requirements/${encodeURIComponent(id)}`,
  change_request: (id) => `/change-requests/${encodeURIComponent(id)}`,
  security_task: (id) => `/security/tasks/${encodeURIComponent(id)}`,
  security_notice: (id) => `/security/notices/${encodeURIComponent(id)}`,
};

export function subjectPage(type: string, id: string): string | null {
  return Object.hasOwn(SUBJECT_PAGES, type) ? SUBJECT_PAGES[type](id) : null;
}
