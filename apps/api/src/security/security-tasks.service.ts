import { FINDING_TEMPLATE_NAMES } from '@luyue/domain';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@luyue/domain';
import {
  SecurityTaskQueryRepository,
  buildFindingTemplate,
  type FindingTemplateKind,
} from '@luyue/security';
import { ContractAccessService } from '../contracts/contract-access.service';
import type {
  SecurityTaskDetailDto,
  SecurityTaskListQueryDto,
  SecurityTaskPageDto,
} from './dto/security-task.dto';
import { RectificationListExporter } from './rectification-list.exporter';
import { SecurityAccessService } from './security-access.service';

export interface XlsxFile {
  filename: string;
  content: Buffer;
}

/** Reads of remediation tasks, the rectification list and the assessors' templates. */
@Injectable()
export class SecurityTasksService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly access: SecurityAccessService,
    private readonly tasks: SecurityTaskQueryRepository,
    private readonly exporter: RectificationListExporter,
  ) {}

  async list(
    actor: Actor,
    contractId: string,
    q: SecurityTaskListQueryDto,
  ): Promise<SecurityTaskPageDto> {
    await this.contracts.requireParty(actor, contractId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { items, total } = await this.tasks.list(contractId, {
      noticeId: q.notice,
      severity: q.severity,
      state: q.state,
      system: q.system,
      host: q.host,
      cve: q.cve,
      source: q.source,
      page,
      pageSize,
    });
    return { items, total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<SecurityTaskDetailDto> {
    const { task } = await this.access.requireTask(actor, id);
    return { ...task, lines: await this.tasks.lines(id) };
  }

  async rectificationList(actor: Actor, noticeId: string): Promise<XlsxFile> {
    const { notice } = await this.access.requireNotice(actor, noticeId);
    return this.exporter.export(notice, await this.tasks.rectificationRows(noticeId));
  }

  async template(kind: FindingTemplateKind): Promise<XlsxFile> {
    return {
      filename: `${FINDING_TEMPLATE_NAMES[kind]}.xlsx`,
      content: await buildFindingTemplate(kind),
    };
  }
}
