import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ReportRefusedError } from '../report-refused.error';
import { type ParsedFinding } from '../security-finding.types';
import { type ReportRefusal } from '../report-refusal.types';
import { parseReport } from './report.parser';
import type { ParseReportOptions, ParseSummary } from './report-parse.types';

/** Messages of the parsing thread to its parent. */
export type ThreadMessage =
  | { type: 'batch'; findings: ParsedFinding[] }
  | { type: 'progress'; bytesRead: number }
  | { type: 'done'; summary: ParseSummary }
  | { type: 'refused'; refusal: ReportRefusal }
  | { type: 'error'; message: string; stack: string };

/** The parent's answer to a batch: the next one, or stop (the consumer gave up). */
export type ThreadRequest = { type: 'next' } | { type: 'stop' };

export interface ThreadParseOptions extends ParseReportOptions {
  /** Heap the thread may use; a file needing more is refused (`memory_limit`). */
  maxHeapMb: number;
  batchSize?: number;
}

/** A report parse run in a worker thread: iterate it once, then read `summary`. */
export interface ThreadedReportParse extends AsyncIterable<ParsedFinding> {
  readonly summary: ParseSummary;
}

/**
 * Parses a report file in its own worker thread, with its own bounded heap: the CPU of reading a
 * large sheet or XML file is spent off the thread that runs the Temporal worker's activities and
 * workflows, and a file that would need more memory than `maxHeapMb` ends that thread alone
 * (refused `memory_limit`), not the worker process. Findings come back in batches, the next
 * asked for only once the previous is consumed, so memory holds one batch per side.
 */
export function parseReportInThread(
  path: string,
  options: ThreadParseOptions,
): ThreadedReportParse {
  const { maxHeapMb, batchSize = 1_000, onProgress, ...parseOptions } = options;
  const script = join(__dirname, 'report-parse.thread.js');
  // Run from TypeScript sources (unit tests), there is no compiled thread script: parse here.
  if (!existsSync(script)) return parseReport(path, options);
  let summary: ParseSummary | null = null;
  return {
    get summary(): ParseSummary {
      if (!summary) throw new Error('The parse summary is known only after iterating it');
      return summary;
    },
    async *[Symbol.asyncIterator]() {
      const worker = new Worker(script, {
        workerData: { path, options: parseOptions, batchSize },
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32 },
        stdout: false,
        stderr: false,
      });
      const inbox: ThreadMessage[] = [];
      let failure: Error | null = null;
      let exited = false;
      let wake: (() => void) | null = null;
      const poke = () => {
        const w = wake;
        wake = null;
        w?.();
      };
      worker.on('message', (m: ThreadMessage) => {
        if (m.type === 'progress') onProgress?.({ bytesRead: m.bytesRead, totalBytes: null });
        else inbox.push(m);
        poke();
      });
      worker.on('error', (error: Error & { code?: string }) => {
        failure =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ReportRefusedError({ reason: 'memory_limit', limit: maxHeapMb })
            : error;
        poke();
      });
      worker.on('exit', () => {
        exited = true;
        poke();
      });
      try {
        for (;;) {
          const m = inbox.shift();
          if (!m) {
            // Set by the worker's event handlers, which the compiler's narrowing does not see.
            const failed = failure as Error | null;
            if (failed) throw failed;
            if (exited) throw new Error('The report-parsing thread ended without an outcome');
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          if (m.type === 'batch') {
            yield* m.findings;
            worker.postMessage({ type: 'next' } satisfies ThreadRequest);
          } else if (m.type === 'done') {
            summary = m.summary;
            return;
          } else if (m.type === 'refused') {
            throw new ReportRefusedError(m.refusal);
          } else if (m.type === 'error') {
            const error = new Error(m.message);
            error.stack = m.stack;
            throw error;
          }
        }
      } finally {
        if (!exited) {
          worker.postMessage({ type: 'stop' } satisfies ThreadRequest);
          await worker.terminate();
        }
      }
    },
  };
}
