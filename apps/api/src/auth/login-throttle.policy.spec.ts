import type { LoginThrottleState } from '@luyue/persistence';
import { decideLogin, LOGIN_THROTTLE, recordFailure } from './login-throttle.policy';

const fresh: LoginThrottleState = { failures: 0, lastFailedAt: null, lockedUntil: null };
const t0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number): Date => new Date(t0.getTime() + ms);

function fail(times: number, start = fresh, stepMs = 1000): LoginThrottleState {
  let state = start;
  for (let i = 0; i < times; i += 1) state = recordFailure(state, at(i * stepMs));
  return state;
}

describe('login throttle policy', () => {
  it('lets the first failures through without delay', () => {
    expect(decideLogin(fresh, t0)).toEqual({ kind: 'allow', delayMs: 0 });
    expect(decideLogin(fail(LOGIN_THROTTLE.freeFailures - 1), at(5000))).toEqual({
      kind: 'allow',
      delayMs: 0,
    });
  });

  it('slows each attempt after the free ones, doubling up to a cap', () => {
    const delays = [3, 4, 5, 6, 7].map((n) => {
      const decision = decideLogin(fail(n), at(10_000));
      return decision.kind === 'allow' ? decision.delayMs : -1;
    });
    expect(delays).toEqual([250, 500, 1000, 2000, 2000]);
  });

  it('locks after too many failures and tells when to retry', () => {
    const state = fail(LOGIN_THROTTLE.lockAfterFailures);
    const lastFailure = (LOGIN_THROTTLE.lockAfterFailures - 1) * 1000;
    expect(state.lockedUntil).toEqual(at(lastFailure + LOGIN_THROTTLE.lockMs));
    expect(decideLogin(state, at(lastFailure + 60_000))).toEqual({
      kind: 'locked',
      retryAfterSeconds: LOGIN_THROTTLE.lockMs / 1000 - 60,
    });
  });

  it('unlocks when the lock ends and starts counting afresh', () => {
    const locked = fail(LOGIN_THROTTLE.lockAfterFailures);
    const after = at(LOGIN_THROTTLE.lockMs + 60_000);
    expect(decideLogin(locked, after).kind).toBe('allow');
    const next = recordFailure(locked, after);
    expect(next.failures).toBe(1);
    expect(next.lockedUntil).toBeNull();
  });

  it('forgets failures older than the window', () => {
    const state = fail(5);
    const later = at(4000 + LOGIN_THROTTLE.windowMs + 1);
    expect(decideLogin(state, later)).toEqual({ kind: 'allow', delayMs: 0 });
    expect(recordFailure(state, later).failures).toBe(1);
  });
});
