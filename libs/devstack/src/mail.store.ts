import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LogFn } from './log.types';
import { isAddressedTo, type StoredMail } from './mail-message.mapper';

/** Received mail in memory, mirrored to a JSON-lines file so it survives a restart. */
export class MailStore {
  private readonly mails: StoredMail[] = [];
  /** File writes are chained so appends and a clear never interleave. */
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string | undefined) {}

  static async open(file: string | undefined, log: LogFn): Promise<MailStore> {
    const store = new MailStore(file);
    if (!file) return store;
    await mkdir(dirname(file), { recursive: true });
    const content = await readFile(file, 'utf8').catch(() => '');
    let skipped = 0;
    for (const line of content.split('\n')) {
      if (!line.trim()) continue;
      try {
        store.mails.push(JSON.parse(line) as StoredMail);
      } catch {
        skipped += 1; // e.g. a line cut short by a crash
      }
    }
    if (store.mails.length || skipped) {
      log(
        `[mail] loaded ${store.mails.length} message(s) from ${file}${skipped ? `, skipped ${skipped} unreadable line(s)` : ''}`,
      );
    }
    return store;
  }

  /** In arrival order; optionally only those addressed to one recipient. */
  list(filter: { to?: string } = {}): StoredMail[] {
    const to = filter.to;
    return to ? this.mails.filter((mail) => isAddressedTo(mail, to)) : [...this.mails];
  }

  get(id: string): StoredMail | undefined {
    return this.mails.find((mail) => mail.id === id);
  }

  async add(mail: StoredMail): Promise<void> {
    this.mails.push(mail);
    const file = this.file;
    if (file) await this.enqueue(() => appendFile(file, `${JSON.stringify(mail)}\n`));
  }

  async clear(): Promise<void> {
    this.mails.length = 0;
    const file = this.file;
    if (file) await this.enqueue(() => writeFile(file, ''));
  }

  /** Resolves once every pending write has reached the file. */
  async flush(): Promise<void> {
    await this.writes;
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.writes.then(write);
    this.writes = next.catch(() => undefined);
    return next;
  }
}
