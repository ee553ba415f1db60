import { restartDelayMs } from './app-processes.launcher';

describe('restartDelayMs', () => {
  it('doubles from 1 s to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(restartDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(restartDelayMs(-1)).toBe(1_000);
  });
});
