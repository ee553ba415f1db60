import { sleep } from './ports.util';

export interface HttpProbeOptions {
  timeoutMs: number;
  /** Returns a reason to give up early, e.g. the app process has exited. */
  abortReason?: () => string | undefined;
}

/** Polls until `url` answers 200. */
export async function waitForHttpOk(url: string, options: HttpProbeOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const reason = options.abortReason?.();
    if (reason) throw new Error(reason);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer 200 within ${options.timeoutMs} ms (last: ${last})`);
    }
    await sleep(250);
  }
}
