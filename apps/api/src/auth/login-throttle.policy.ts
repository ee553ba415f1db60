import type { LoginThrottleState } from '@luyue/persistence';

/**
 * Failed logins per (email, ip): the first few are free, then each attempt is answered
 * later and later, then the key is locked for a while (429). The same rules apply whether
 * or not the email is registered, so the throttle tells nothing about accounts.
 */
export interface LoginThrottlePolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  lockAfterFailures: number;
  lockMs: number;
  /** Failures older than this (since the last one) are forgotten. */
  windowMs: number;
}

export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 250,
  maxDelayMs: 2000,
  lockAfterFailures: 8,
  lockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

export type LoginDecision =
  { kind: 'allow'; delayMs: number } | { kind: 'locked'; retryAfterSeconds: number };

function recentFailures(state: LoginThrottleState, now: Date, p: LoginThrottlePolicy): number {
  if (!state.lastFailedAt) return 0;
  return now.getTime() - state.lastFailedAt.getTime() > p.windowMs ? 0 : state.failures;
}

export function decideLogin(
  state: LoginThrottleState,
  now: Date,
  p: LoginThrottlePolicy = LOGIN_THROTTLE,
): LoginDecision {
  if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
    const seconds = Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
    return { kind: 'locked', retryAfterSeconds: Math.max(1, seconds) };
  }
  const failures = recentFailures(state, now, p);
  if (failures < p.freeFailures) return { kind: 'allow', delayMs: 0 };
  const delay = p.baseDelayMs * 2 ** (failures - p.freeFailures);
  return { kind: 'allow', delayMs: Math.min(delay, p.maxDelayMs) };
}

export function recordFailure(
  state: LoginThrottleState,
  now: Date,
  p: LoginThrottlePolicy = LOGIN_THROTTLE,
): LoginThrottleState {
  const lockExpired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failures = (lockExpired ? 0 : recentFailures(state, now, p)) + 1;
  const lockedUntil =
    failures >= p.lockAfterFailures
      ? new Date(now.getTime() + p.lockMs)
      : lockExpired
        ? null
        : state.lockedUntil;
  return { failures, lastFailedAt: now, lockedUntil };
}
