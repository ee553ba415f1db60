import { readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import { E2E_STACK_FILE_ENV, type E2eStackInfo } from './e2e-stack.info';

let cached: E2eStackInfo | undefined;

/** The running stack started by e2e-global-setup.ts. */
export function e2eStack(): E2eStackInfo {
  if (cached) return cached;
  const file = process.env[E2E_STACK_FILE_ENV];
  if (!file) throw new Error(`${E2E_STACK_FILE_ENV} is not set: run through jest's e2e project`);
  cached = JSON.parse(readFileSync(file, 'utf8')) as E2eStackInfo;
  return cached;
}

export interface SinkMail {
  id: string;
  messageId?: string;
  from?: string;
  to: string[];
  subject: string;
  text?: string;
  html?: string;
  links?: string[];
  receivedAt: string;
}

/** Mail the SMTP sink received, optionally only to one address. */
export async function receivedMail(to?: string): Promise<SinkMail[]> {
  const url = new URL('/dev/mail', e2eStack().mail);
  if (to) url.searchParams.set('to', to);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url.href} answered ${res.status}`);
  return (await res.json()) as SinkMail[];
}

/** Polls until `predicate` holds (bounded: `timeoutMs`), returning the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (predicate(value)) return value;
    if (Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs `fn` with a direct PostgreSQL connection to the stack's database. */
export async function withDb<T>(fn: (db: PgClient) => Promise<T>): Promise<T> {
  const db = new PgClient({ connectionString: e2eStack().databaseUrl });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}
