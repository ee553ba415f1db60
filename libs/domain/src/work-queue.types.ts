/** Which part of a person's work queue: steps that wait for him, or steps he only may take. */
export const QUEUE_SCOPES = ['decide', 'optional'] as const;
export type QueueScope = (typeof QUEUE_SCOPES)[number];

/** One page of a work queue as the stores read it: filters, due-date order, the page. */
export interface QueueWindow {
  system?: string;
  state?: string;
  /** Only items due before this instant ("due within N working days"). */
  dueBefore?: Date;
  overdue?: boolean;
  /** A process's grouping key (the security notice). */
  group?: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}
