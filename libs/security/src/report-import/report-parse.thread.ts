/**
 * The body of the report-parsing worker thread (see report-parse.thread-client.ts): parses one
 * file and posts its findings to the parent in batches, one batch at a time, waiting for the
 * parent to ask for the next, so at most one batch is ever in flight.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReportRefusedError } from '../report-refused.error';
import { type ParsedFinding } from '../security-finding.types';
import { parseReport } from './report.parser';
import type { ParseReportOptions } from './report-parse.types';
import type { ThreadMessage, ThreadRequest } from './report-parse.thread-client';

const PROGRESS_EVERY_MS = 250;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { path, options, batchSize } = workerData as {
    path: string;
    options: Omit<ParseReportOptions, 'onProgress'>;
    batchSize: number;
  };
  const post = (m: ThreadMessage) => port.postMessage(m);
  let asked: (() => void) | null = null;
  let stop = false;
  port.on('message', (m: ThreadRequest) => {
    if (m.type === 'stop') stop = true;
    const resume = asked;
    asked = null;
    resume?.();
  });
  const next = () => new Promise<void>((resolve) => (asked = resolve));
  let lastProgress = 0;
  const parse = parseReport(path, {
    ...options,
    onProgress: ({ bytesRead }) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      post({ type: 'progress', bytesRead });
    },
  });
  try {
    let batch: ParsedFinding[] = [];
    for await (const finding of parse) {
      batch.push(finding);
      if (batch.length >= batchSize) {
        post({ type: 'batch', findings: batch });
        batch = [];
        await next();
        if (stop) return;
      }
    }
    if (batch.length > 0) {
      post({ type: 'batch', findings: batch });
      await next();
      if (stop) return;
    }
    post({ type: 'done', summary: parse.summary });
  } catch (error) {
    if (error instanceof ReportRefusedError) {
      post({ type: 'refused', refusal: error.refusal });
    } else {
      const e = error instanceof Error ? error : new Error(String(error));
      post({ type: 'error', message: e.message, stack: e.stack ?? e.message });
    }
  }
}

void main();
