import { DomainError } from '@luyue/domain';
import type { QuotaDecision } from './requirement.types';

/**
 * The interface-development quota of one contract year (rule 2) as a ledger of entries:
 * approval reserves the estimate, acceptance releases the reservation and consumes the actual
 * person-days, cancellation or rejection releases it. `outside_quota` records an estimate the
 * hospital decided to pay outside the free quota; it is listed but never counted.
 */
export const QUOTA_ENTRY_TYPES = ['reserve', 'release', 'consume', 'outside_quota'] as const;
export type QuotaEntryType = (typeof QUOTA_ENTRY_TYPES)[number];

export interface QuotaEntry {
  requirementId: string;
  type: QuotaEntryType;
  personDays: number;
  at: string;
  /** The confirmed change request that granted it (an `outside_quota` entry), if any. */
  changeRequestId?: string | null;
}

export interface QuotaSummary {
  total: number;
  reserved: number;
  consumed: number;
  /** total − reserved − consumed; negative only if an acceptance consumed more than was left. */
  remaining: number;
  outsideQuota: number;
  /** The part of `outsideQuota` granted by confirmed change requests. */
  grantedByChanges: number;
}

/** What a requirement transition asks of the quota; applied by the activity under a row lock. */
export type QuotaOperation =
  | { op: 'reserve'; personDays: number; decision: QuotaDecision; changeRequestId?: string }
  | { op: 'consume'; personDays: number }
  | { op: 'release' };

/** Person-days rounded to the hundredth, so sums of halves and tenths stay exact. */
export function roundPersonDays(value: number): number {
  return Math.round(value * 100) / 100;
}

export function summarizeQuota(total: number, entries: readonly QuotaEntry[]): QuotaSummary {
  let reserved = 0;
  let consumed = 0;
  let outsideQuota = 0;
  let grantedByChanges = 0;
  for (const e of entries) {
    switch (e.type) {
      case 'reserve':
        reserved += e.personDays;
        break;
      case 'release':
        reserved -= e.personDays;
        break;
      case 'consume':
        consumed += e.personDays;
        break;
      case 'outside_quota':
        outsideQuota += e.personDays;
        if (e.changeRequestId) grantedByChanges += e.personDays;
        break;
    }
  }
  reserved = roundPersonDays(reserved);
  consumed = roundPersonDays(consumed);
  return {
    total,
    reserved,
    consumed,
    remaining: roundPersonDays(total - reserved - consumed),
    outsideQuota: roundPersonDays(outsideQuota),
    grantedByChanges: roundPersonDays(grantedByChanges),
  };
}

/** Person-days a requirement holds in reservation now. */
export function reservedFor(entries: readonly QuotaEntry[], requirementId: string): number {
  let held = 0;
  for (const e of entries) {
    if (e.requirementId !== requirementId) continue;
    if (e.type === 'reserve') held += e.personDays;
    if (e.type === 'release') held -= e.personDays;
  }
  return roundPersonDays(held);
}

/** The requests behind each figure of the summary: person-days each holds, consumed or pays. */
export interface QuotaByRequest {
  reserved: Array<{ requirementId: string; personDays: number }>;
  consumed: Array<{ requirementId: string; personDays: number }>;
  outsideQuota: Array<{ requirementId: string; personDays: number }>;
}

export function quotaByRequest(entries: readonly QuotaEntry[]): QuotaByRequest {
  const sums = {
    reserved: new Map<string, number>(),
    consumed: new Map<string, number>(),
    outsideQuota: new Map<string, number>(),
  };
  const add = (m: Map<string, number>, id: string, n: number) => m.set(id, (m.get(id) ?? 0) + n);
  for (const e of entries) {
    if (e.type === 'reserve') add(sums.reserved, e.requirementId, e.personDays);
    if (e.type === 'release') add(sums.reserved, e.requirementId, -e.personDays);
    if (e.type === 'consume') add(sums.consumed, e.requirementId, e.personDays);
    if (e.type === 'outside_quota') add(sums.outsideQuota, e.requirementId, e.personDays);
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .map(([requirementId, n]) => ({ requirementId, personDays: roundPersonDays(n) }))
      .filter((r) => r.personDays > 0)
      .sort((a, b) => a.requirementId.localeCompare(b.requirementId));
  return {
    reserved: list(sums.reserved),
    consumed: list(sums.consumed),
    outsideQuota: list(sums.outsideQuota),
  };
}

export type ReserveCheck = { ok: true } | { ok: false; remaining: number; requested: number };

/**
 * Rule 2: never overdraw silently. An estimate beyond what remains needs the hospital's explicit
 * `outside_quota` decision.
 */
export function canReserve(
  remaining: number,
  estimate: number,
  decision: QuotaDecision,
): ReserveCheck {
  if (decision === 'outside_quota') return { ok: true };
  if (Math.round(estimate * 100) <= Math.round(remaining * 100)) return { ok: true };
  return { ok: false, remaining: Math.max(0, remaining), requested: estimate };
}

export function quotaExceededError(remaining: number, requested: number): DomainError {
  return new DomainError(
    'quota_exceeded',
    'quota.exceeded',
    { remaining, requested },
    { remaining, requested },
  );
}

export type QuotaPlan =
  | { ok: true; entries: QuotaEntry[]; summary: QuotaSummary }
  | { ok: false; remaining: number; requested: number };

/**
 * The entries one operation adds to a contract year's ledger, given all its entries so far
 * (read under the year's row lock so that concurrent approvals cannot both see the same rest).
 */
export function planQuotaOperation(
  total: number,
  entries: readonly QuotaEntry[],
  requirementId: string,
  operation: QuotaOperation,
  at: string,
): QuotaPlan {
  const entry = (type: QuotaEntryType, personDays: number): QuotaEntry => ({
    requirementId,
    type,
    personDays: roundPersonDays(personDays),
    at,
  });
  const held = reservedFor(entries, requirementId);
  const added: QuotaEntry[] = [];
  switch (operation.op) {
    case 'reserve': {
      const check = canReserve(
        summarizeQuota(total, entries).remaining,
        operation.personDays,
        operation.decision,
      );
      if (!check.ok) return check;
      const made = entry(
        operation.decision === 'outside_quota' ? 'outside_quota' : 'reserve',
        operation.personDays,
      );
      added.push(
        operation.changeRequestId ? { ...made, changeRequestId: operation.changeRequestId } : made,
      );
      break;
    }
    case 'consume':
      if (held > 0) added.push(entry('release', held));
      added.push(entry('consume', operation.personDays));
      break;
    case 'release':
      if (held > 0) added.push(entry('release', held));
      break;
  }
  return { ok: true, entries: added, summary: summarizeQuota(total, [...entries, ...added]) };
}
