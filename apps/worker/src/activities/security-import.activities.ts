import { Injectable, Logger } from '@nestjs/common';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppConfig } from '@luyue/config';
import {
  dedupeFindings,
  ReportRefusedError,
  type ImportSummary,
  type ParsedFinding,
  type RemediationDueDates,
} from '@luyue/domain';
import { SecurityImportStore, TransactionRunner } from '@luyue/persistence';
import { parseReport } from '@luyue/security-import';
import type { SecurityImportActivities } from '@luyue/temporal/definitions';
import { heartbeat } from './heartbeat.util';

const BATCH = 1_000;
const PROGRESS_EVERY_MS = 500;

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
    if ((job.status === 'done' || job.status === 'refused') && job.summary) return job.summary;
    const path = resolve(this.config.fileStoreDir, job.storageKey);
    const { size } = await stat(path);
    await this.store.markParsing(job.importId, size);
    let bytesRead = 0;
    let itemsRead = 0;
    let lastProgress = 0;
    const reportProgress = async (force = false) => {
      const now = Date.now();
      if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      heartbeat({ itemsRead, bytesRead });
      await this.store.progress(job.importId, itemsRead, bytesRead);
    };
    const parse = parseReport(path, {
      maxBytes: this.config.REPORT_MAX_BYTES,
      maxSheetUnzippedBytes: this.config.SHEET_MAX_UNZIPPED_BYTES,
      maxSheetRows: this.config.SHEET_MAX_ROWS,
      format: job.requestedFormat ?? undefined,
      onProgress: (p) => {
        bytesRead = p.bytesRead;
      },
    });
    try {
      const summary = await this.tx.run(async (m) => {
        await m.query(`SET LOCAL statement_timeout = '5min'`);
        await this.store.openStaging(m);
        let batch: ParsedFinding[] = [];
        const flush = async () => {
          await this.store.stage(m, dedupeFindings(batch), itemsRead - batch.length);
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
