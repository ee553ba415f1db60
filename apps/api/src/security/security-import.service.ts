import { Injectable, Logger } from '@nestjs/common';
import { auditActorOf, DomainError, validationFailed, type Actor } from '@luyue/domain';
import { AuditEventRepository, TransactionRunner, type ContractRecord } from '@luyue/persistence';
import { StoredFileRepository } from '@luyue/persistence';
import {
  SecurityNoticeRepository,
  type SecurityNoticeRecord,
  type SecurityReportRecord,
  startSecurityImport,
} from '@luyue/security';
import { TemporalClientService } from '@luyue/temporal';
import { FileStoreService, type StoredUpload } from '../files/file-store.service';
import type { ImportAcceptedDto, ImportDto } from './dto/security-notice.dto';
import type { UploadReportDto } from './dto/upload-report.dto';
import { SecurityAccessService } from './security-access.service';
import { importDtoOf } from './security-dto.mapper';

/** Rolls the upload's transaction back when a concurrent upload of the same file won. */
class SameFileRace extends Error {}

/**
 * Receiving a report: the file is on disk (streamed, sha256) before this runs; its row and the
 * import row commit together, then the worker's workflow is started. The same file again in the
 * same notice is recognised by its sha256 and answered with the first import; nothing is made.
 */
@Injectable()
export class SecurityImportService {
  private readonly logger = new Logger(SecurityImportService.name);

  constructor(
    private readonly access: SecurityAccessService,
    private readonly notices: SecurityNoticeRepository,
    private readonly files: StoredFileRepository,
    private readonly store: FileStoreService,
    private readonly audit: AuditEventRepository,
    private readonly tx: TransactionRunner,
    private readonly temporal: TemporalClientService,
  ) {}

  async upload(
    actor: Actor,
    noticeId: string,
    upload: StoredUpload | undefined,
    body: UploadReportDto,
    requestId: string | null,
  ): Promise<ImportAcceptedDto> {
    let keepFile = false;
    try {
      const { notice, contract } = await this.access.requireNotice(actor, noticeId);
      const uploader = this.access.requireIssuer(actor, contract);
      if (!upload) throw validationFailed([{ field: 'file', message: 'choose a report file' }]);
      const seen = await this.notices.findReportBySha(noticeId, upload.sha256);
      if (seen) return await this.recognised(seen, notice, contract);
      if (body.retestOf && body.retestOf !== noticeId) {
        throw validationFailed([
          { field: 'retestOf', message: 'a retest is imported into the notice it retests' },
        ]);
      }
      const importId = upload.id;
      try {
        await this.tx.run(async (m) => {
          await this.files.insertFile(m, {
            ...upload,
            contractId: contract.id,
            purpose: 'security_report',
            uploadedBy: uploader.userId,
            uploadedByEmail: uploader.email,
          });
          const inserted = await this.notices.insertReport(m, {
            id: importId,
            noticeId,
            fileId: upload.id,
            sha256: upload.sha256,
            filename: upload.filename,
            requestedFormat: body.format ?? null,
            reportDate: body.reportDate ?? null,
            retestOf: body.retestOf ?? null,
            bytesTotal: upload.size,
            uploadedBy: uploader.userId,
            uploadedByEmail: uploader.email,
          });
          if (!inserted) throw new SameFileRace();
          await this.audit.append(m, {
            ...auditActorOf(uploader),
            action: 'security_report.uploaded',
            subjectType: 'security_notice',
            subjectId: noticeId,
            contractId: contract.id,
            summary: {
              importId,
              filename: upload.filename,
              size: upload.size,
              sha256: upload.sha256,
              retest: body.retestOf !== undefined,
            },
            requestId,
          });
        });
      } catch (error) {
        if (!(error instanceof SameFileRace)) throw error;
        const winner = await this.notices.findReportBySha(noticeId, upload.sha256);
        if (!winner) throw error;
        return await this.recognised(winner, notice, contract);
      }
      keepFile = true;
      await this.start(importId, notice, contract);
      return { importId, duplicate: false, status: 'queued' };
    } finally {
      if (!keepFile && upload) await this.store.remove(upload.storageKey);
    }
  }

  async status(actor: Actor, importId: string): Promise<ImportDto> {
    const { report } = await this.access.requireImport(actor, importId);
    return importDtoOf(report);
  }

  /** A queued import whose workflow never started (Temporal was down) is started now. */
  private async recognised(
    seen: SecurityReportRecord,
    notice: SecurityNoticeRecord,
    contract: ContractRecord,
  ): Promise<ImportAcceptedDto> {
    if (seen.status === 'queued') await this.start(seen.id, notice, contract);
    return { importId: seen.id, duplicate: true, status: seen.status };
  }

  /**
   * Periods count from the later of the notice's issue and the file's arrival: findings added
   * to a notice weeks after it was issued are not due already.
   */
  private async start(
    importId: string,
    notice: SecurityNoticeRecord,
    contract: ContractRecord,
  ): Promise<void> {
    const now = new Date().toISOString();
    const anchorAt = notice.issuedAt > now ? notice.issuedAt : now;
    try {
      const client = await this.temporal.client();
      await startSecurityImport(client, this.temporal.taskQueue, {
        importId,
        anchorAt,
        remediationWorkingDays: contract.settings.remediationWorkingDays,
      });
    } catch (error) {
      this.logger.error(`import ${importId} not started: ${String(error)}`);
      throw new DomainError('dependency_unavailable', 'security.import_not_started', {});
    }
  }
}
