import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppConfig } from '@luyue/config';
import { dedupeFindings } from '../finding.grouping';
import { importDataFailureMessage } from '@luyue/domain';
import { ReportRefusedError } from '../report-refused.error';
import { type ImportSummary, type RemediationDueDates } from '../security-notice.types';
import { type ParsedFinding } from '../security-finding.types';
import { SecurityImportStore } from '../store/security-import.store';
import { TransactionRunner } from '@luyue/persistence';
import { parseReportInThread } from '../report-import/report-parse.thread-client';
import type { SecurityImportActivities } from '../security-import.activity-types';
import { heartbeat, heartbeater } from '@luyue/temporal';

const BATCH = 1_000;
const PROGRESS_EVERY_MS = 500;

/**
 * PostgreSQL's code when the error is the data's, not the database's state: a data exception
 * (class 22: NUL in text, a value out of range) or a program limit (class 54: an index row too
 * large). Null for anything else, which may well pass on another attempt.
 */
function dataErrorCode(error: unknown): string | null {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && /^(22|54)[0-9A-Z]{3}$/.test(code) ? code : null;
}

/** Thrown inside the transaction to roll it back; the refusal is recorded after. */
class Refused extends Error {
  constructor(readonly error: ReportRefusedError) {
    super(error.message);
  }
}

/**
 * Imports one stored report into its notice.
 *
 * One transaction per import: the parser streams the file into a temporary staging table in
 * batches (memory holds one batch), and only once the whole file has parsed are the staged
 * findings merged into tasks, asset lines and findings. A refusal found on the last line rolls
 * the transaction back, so nothing of a refused file is ever stored, and a retried attempt after
 * a crash starts from a clean slate (the report row's status says whether it already finished).
 * Progress goes to the report row on its own connection, so it is visible while the import runs.
 */
@Injectable()
export class SecurityImportActivitiesService implements SecurityImportActivities {
  private readonly logger = new Logger(SecurityImportActivitiesService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly store: SecurityImportStore,
    private readonly tx: TransactionRunner,
  ) {}

  async failSecurityImport(input: { importId: string; message: string }): Promise<void> {
    await this.store.fail(input.importId, input.message);
  }

  async importSecurityReport(input: {
    importId: string;
    dueDates: RemediationDueDates;
  }): Promise<ImportSummary> {
    const job = await this.store.job(input.importId);
    if (!job) throw new Error(`No security import ${input.importId}`);
    if (['issuing', 'done', 'refused'].includes(job.status) && job.summary) return job.summary;
    const path = resolve(this.config.fileStoreDir, job.storageKey);
    const { size } = await stat(path);
    await this.store.markParsing(job.importId, size);
    let bytesRead = 0;
    let itemsRead = 0;
    const beat = heartbeater();
    let lastProgress = 0;
    const reportProgress = async (force = false) => {
      const now = Date.now();
      if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      heartbeat({ itemsRead, bytesRead });
      await this.store.progress(job.importId, itemsRead, bytesRead);
    };
    // Parsed in a worker thread: a large file costs that thread's CPU and bounded heap, while
    // this thread keeps running the other activities and the workflows' tasks.
    const parse = parseReportInThread(path, {
      maxHeapMb: this.config.REPORT_PARSE_MAX_HEAP_MB,
      maxBytes: this.config.REPORT_MAX_BYTES,
      maxSheetUnzippedBytes: this.config.SHEET_MAX_UNZIPPED_BYTES,
      maxSheetRows: this.config.SHEET_MAX_ROWS,
      format: job.requestedFormat ?? undefined,
      onProgress: (p) => {
        bytesRead = p.bytesRead;
        // A file of few findings sends no batch for a long while: its reading is progress too.
        beat({ itemsRead, bytesRead });
      },
    });
    try {
      const summary = await this.tx.run(async (m) => {
        await m.query(`SET LOCAL statement_timeout = '5min'`);
        await this.store.openStaging(m);
        let batch: ParsedFinding[] = [];
        const flush = async () => {
          await this.store.stage(
            m,
            dedupeFindings(batch),
            itemsRead - batch.length,
            job.lowestIssued,
          );
          batch = [];
          await reportProgress();
        };
        try {
          for await (const finding of parse) {
            batch.push(finding);
            itemsRead++;
            if (batch.length >= BATCH) await flush();
          }
        } catch (error) {
          if (error instanceof ReportRefusedError) throw new Refused(error);
          throw error;
        }
        await flush();
        await reportProgress(true);
        const parsed = parse.summary;
        const counts = await this.store.merge(m, job, parsed.format, input.dueDates);
        const result: ImportSummary = {
          format: parsed.format,
          ...counts,
          itemsRead: parsed.itemsRead,
          compliant: parsed.compliant,
          ...(parsed.gaps ? { gaps: parsed.gaps } : {}),
        };
        if (!(await this.store.finish(m, job.importId, result, parsed.itemsRead, bytesRead))) {
          throw new Error(`Import ${job.importId} was finished by another attempt`);
        }
        return result;
      });
      this.logger.log(`import ${job.importId}: ${JSON.stringify(summary)}`);
      return summary;
    } catch (error) {
      if (!(error instanceof Refused)) {
        this.logger.error(
          `import ${job.importId} failed: ${(error as Error).stack ?? String(error)}`,
        );
        const code = dataErrorCode(error);
        // The same file would fail the same way on every attempt: end now, in plain words.
        if (code) {
          throw ApplicationFailure.create({
            type: 'ImportDataError',
            message: importDataFailureMessage(code),
            nonRetryable: true,
            details: [{ code }],
          });
        }
        throw error;
      }
      const { refusal, message } = error.error;
      await this.store.refuse(job.importId, refusal, message);
      this.logger.warn(`import ${job.importId} refused: ${message}`);
      const after = await this.store.job(job.importId);
      if (!after?.summary) throw new Error(`Import ${job.importId} has no outcome recorded`);
      return after.summary;
    }
  }
}
