import { canConnect, sleep } from './ports.util';

export interface TemporalProbeOptions {
  namespace?: string;
  timeoutMs: number;
  /** Returns a reason to give up early, e.g. the server process has exited. */
  abortReason?: () => string | undefined;
}

/** Waits until the frontend answers gRPC and the namespace is registered: an open port alone
 * is not enough, the dev server listens before its namespaces exist. */
export async function waitForTemporal(
  address: string,
  options: TemporalProbeOptions,
): Promise<void> {
  const { Connection } = await import('@temporalio/client');
  const [host, portText] = splitAddress(address);
  const namespace = options.namespace ?? 'default';
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'port not open';
  for (;;) {
    const reason = options.abortReason?.();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) {
      throw new Error(
        `Temporal at ${address} not ready after ${options.timeoutMs} ms (${lastError})`,
      );
    }
    if (await canConnect(host, Number(portText))) {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 }).catch(
        (error: Error) => {
          lastError = error.message;
          return undefined;
        },
      );
      if (connection) {
        try {
          await connection.workflowService.getSystemInfo({});
          await connection.workflowService.describeNamespace({ namespace });
          return;
        } catch (error) {
          lastError = (error as Error).message;
        } finally {
          await connection.close();
        }
      }
    }
    await sleep(200);
  }
}

function splitAddress(address: string): [string, string] {
  const colon = address.lastIndexOf(':');
  return [address.slice(0, colon), address.slice(colon + 1)];
}
