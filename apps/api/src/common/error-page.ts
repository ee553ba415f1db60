import { changeStepLabel, remediationStepLabel, requirementStepLabel } from '@luyue/domain';
import {
  BACK_TO_ITEM_LABELS,
  codeMessage,
  errorPageHeading,
  CHANGE_STATUS_LABELS,
  REMEDIATION_STATUS_LABELS,
  STATUS_LABELS,
} from '@luyue/domain';

/** The item pages of each process: its step and status labels, and the way back to it. */
const PROCESS_PAGES: ReadonlyArray<{
  path: RegExp;
  step: (action: string) => string;
  statuses: Readonly<Record<string, string>>;
  back: string;
}> = [
  {
    path: /^\/requirements\/(?!new\b)[^/]+/,
    step: requirementStepLabel,
    statuses: STATUS_LABELS,
    back: BACK_TO_ITEM_LABELS.requirement,
  },
  {
    path: /^\/change-requests\/(?!new\b)[^/]+/,
    step: changeStepLabel,
    statuses: CHANGE_STATUS_LABELS,
    back: BACK_TO_ITEM_LABELS.change,
  },
  {
    path: /^\/security\/tasks\/[^/]+/,
    step: remediationStepLabel,
    statuses: REMEDIATION_STATUS_LABELS,
    back: BACK_TO_ITEM_LABELS.remediation,
  },
];

/** The error page's heading for a status. */
export const pageHeading = errorPageHeading;

/**
 * The page's wording for an error that carries no message key (Nest's own HTTP errors, an
 * internal error): the catalogue's words for its code. A domain error's page reads its key.
 */
export function pageMessage(body: Record<string, unknown>): string {
  return codeMessage(body.code);
}

/**
 * A 409 on an item page: what the viewer may do instead (`yourActions` where the refusal names
 * them, else `allowedActions`, which the item's own reads already give per viewer), the state it
 * is in, and the way back.
 */
export function conflictHelp(
  path: string,
  body: Record<string, unknown>,
): { allowed: string[]; current: string | null; back: { href: string; label: string } | null } {
  const page = PROCESS_PAGES.find((p) => p.path.test(path));
  const listed = Array.isArray(body.yourActions) ? body.yourActions : body.allowedActions;
  const actions = Array.isArray(listed) ? listed.map(String) : [];
  const status = typeof body.currentStatus === 'string' ? body.currentStatus : null;
  if (!page) return { allowed: [], current: null, back: null };
  return {
    allowed: actions.map(page.step),
    current: status ? (page.statuses[status] ?? null) : null,
    back: { href: page.path.exec(path)![0], label: page.back },
  };
}
