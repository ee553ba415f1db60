import { QUEUE_SCOPES, type QueueScope } from '@luyue/domain';

/** the dashboard shows this many items a page. */
export const QUEUE_PAGE_SIZE = 50;
/** The widest "due within N working days" filter. */
export const MAX_WITHIN_DAYS = 60;

/** What the dashboard's query asks for; anything it does not understand falls back to the default. */
export interface DashboardQuery {
  queue: string | null;
  scope: QueueScope;
  system: string | null;
  state: string | null;
  /** Due within this many working days. */
  within: number | null;
  overdue: boolean;
  group: string | null;
  order: 'asc' | 'desc';
  page: number;
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' && v.length <= 200 ? v.trim() : null;

const whole = (v: unknown, min: number, max: number): number | null => {
  const s = text(v);
  if (s === null || !/^\d{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

export function dashboardQueryOf(q: Record<string, unknown>): DashboardQuery {
  const scope = text(q.scope);
  return {
    queue: text(q.queue),
    scope: QUEUE_SCOPES.find((s) => s === scope) ?? 'decide',
    system: text(q.system),
    state: text(q.state),
    within: whole(q.within, 0, MAX_WITHIN_DAYS),
    overdue: q.overdue === '1',
    group: text(q.group),
    order: q.order === 'desc' ? 'desc' : 'asc',
    page: whole(q.page, 1, 100_000) ?? 1,
  };
}

/** The link to the dashboard with this query changed; defaults are left out. */
export function dashboardHref(q: DashboardQuery, change: Partial<DashboardQuery> = {}): string {
  const m = { ...q, ...change };
  const params = new URLSearchParams();
  if (m.queue) params.set('queue', m.queue);
  if (m.scope !== 'decide') params.set('scope', m.scope);
  if (m.system) params.set('system', m.system);
  if (m.state) params.set('state', m.state);
  if (m.within !== null) params.set('within', String(m.within));
  if (m.overdue) params.set('overdue', '1');
  if (m.group) params.set('group', m.group);
  if (m.order !== 'asc') params.set('order', m.order);
  if (m.page > 1) params.set('page', String(m.page));
  const s = params.toString();
  return s ? `/?${s}` : '/';
}
