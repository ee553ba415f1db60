import { Injectable } from '@nestjs/common';
import { auditActorOf, DomainError, validationFailed, type Actor } from '@luyue/domain';
import { AuditEventRepository, TransactionRunner } from '@luyue/persistence';
import { LOWEST_ISSUED_SEVERITY, SecurityNoticeRepository } from '@luyue/security';
import { ContractAccessService } from '../contracts/contract-access.service';
import {
  INFORMATIONAL_SHOWN,
  type IssueNoticeDto,
  type NoticeDetailDto,
  type NoticeDto,
} from './dto/security-notice.dto';
import { SecurityAccessService } from './security-access.service';
import { importDtoOf, noticeDtoOf } from './security-dto.mapper';

/** Rectification notices: issued by the hospital, read by every party. */
@Injectable()
export class SecurityNoticesService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly access: SecurityAccessService,
    private readonly notices: SecurityNoticeRepository,
    private readonly audit: AuditEventRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async issue(
    actor: Actor,
    contractId: string,
    body: IssueNoticeDto,
    requestId: string | null,
  ): Promise<NoticeDetailDto> {
    const { contract } = await this.contracts.requireActingParty(actor, contractId);
    const issuer = this.access.requireIssuer(actor, contract);
    const system = body.system?.trim() || null;
    if (system && !contract.settings.systems.includes(system)) {
      throw validationFailed([
        {
          field: 'system',
          message: `must be one of the contract's systems (${contract.settings.systems.join(', ') || 'none set'})`,
        },
      ]);
    }
    const id = await this.tx.run(async (m) => {
      const inserted = await this.notices.insert(m, {
        contractId,
        number: body.number.trim(),
        issuedAt: new Date(body.issuedAt).toISOString(),
        source: body.source,
        assessor: body.assessor.trim(),
        system,
        title: body.title.trim(),
        lowestIssuedSeverity: body.lowestIssuedSeverity ?? LOWEST_ISSUED_SEVERITY,
        issuedBy: issuer.userId,
        issuedByEmail: issuer.email,
      });
      if (!inserted) {
        throw new DomainError('conflict', 'security.notice_exists', { number: body.number });
      }
      await this.audit.append(m, {
        ...auditActorOf(issuer),
        action: 'security_notice.issued',
        subjectType: 'security_notice',
        subjectId: inserted,
        contractId,
        summary: { number: body.number, source: body.source, title: body.title },
        requestId,
      });
      return inserted;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, contractId: string): Promise<NoticeDto[]> {
    await this.contracts.requireParty(actor, contractId);
    return (await this.notices.list(contractId)).map(noticeDtoOf);
  }

  async get(actor: Actor, id: string): Promise<NoticeDetailDto> {
    const { notice } = await this.access.requireNotice(actor, id);
    const [counts, reports, informational] = await Promise.all([
      this.notices.counts(id),
      this.notices.reports(id),
      this.notices.informationalFindings(id, INFORMATIONAL_SHOWN),
    ]);
    return {
      ...noticeDtoOf(notice),
      counts: { ...counts, tasks: notice.tasks },
      informational,
      reports: reports.map(importDtoOf),
    };
  }
}
