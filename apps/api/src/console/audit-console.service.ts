import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import ExcelJS from 'exceljs';
import {
  DomainError,
  isParty,
  auditActionLabel,
  AUDIT_HEADERS,
  EXPORT_NAMES,
  PARTY_LABELS,
  formatTime,
  PAGE_TITLES,
  SYSTEM_ACTOR_LABEL,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { AuditEventRepository } from '@luyue/persistence';
import { AuditQueryDto } from '../contracts/dto/audit.dto';
import { ContractsService } from '../contracts/contracts.service';
import { ConsoleFrameService } from './console-frame.service';
import type { PageRequest } from './console-page';
import { pagingOf } from './console-list';
import { subjectView } from './subject-pages';

const PAGE_SIZE = 50;
/** A year of a busy contract; a wider export is narrowed by the date filter. */
const EXPORT_MAX = 50_000;
const FILTERS = ['subject', 'actor', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** The contract's audit trail, by subject, actor and date range, on the REST route's service. */
@Injectable()
export class AuditConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly contracts: ContractsService,
    private readonly audit: AuditEventRepository,
  ) {}

  async page(request: PageRequest): Promise<string> {
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.audit,
      crumbs: [{ label: PAGE_TITLES.audit }],
      section: '/audit',
    });
    const filters = filtersOf(request.query);
    const query = await this.queryOf(filters, request.query.page);
    const contract = frame.contract;
    if (!contract) return this.renderer.render('pages/audit.html', { layout: frame.layout });
    const found = await this.contracts.auditTrail(request.actor, contract.id, query);
    const link = (page: number): string =>
      `/audit?${new URLSearchParams({ ...filters, page: String(page) }).toString()}`;
    return this.renderer.render('pages/audit.html', {
      layout: frame.layout,
      contract,
      filters,
      exportLink: `/audit/export.xlsx?${new URLSearchParams(filters).toString()}`,
      items: await this.rows(contract.id, found.items),
      ...pagingOf(found, PAGE_SIZE, link),
    });
  }

  /** The filtered trail as an .xlsx, the rows as the page shows them. */
  async export(request: PageRequest): Promise<{ filename: string; content: Buffer }> {
    const filters = filtersOf(request.query);
    const query = await this.queryOf(filters, undefined);
    const { contract } = await this.frames.contractOf(request);
    if (!contract) throw new DomainError('not_found', 'contract.not_found', {});
    const found = await this.contracts.auditTrail(request.actor, contract.id, {
      ...query,
      page: 1,
      pageSize: EXPORT_MAX,
    });
    const rows = await this.rows(contract.id, found.items);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = EXPORT_NAMES.creator;
    const sheet = workbook.addWorksheet(EXPORT_NAMES.audit, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const keys = Object.keys(AUDIT_HEADERS) as Array<keyof typeof AUDIT_HEADERS>;
    sheet.columns = keys.map((k) => ({
      header: AUDIT_HEADERS[k],
      width: k === 'subject' ? 40 : 20,
    }));
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) sheet.addRow(keys.map((k) => r[k]));
    return {
      filename: `${contract.number} ${EXPORT_NAMES.audit}.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }

  private async queryOf(filters: Filters, page: unknown): Promise<AuditQueryDto> {
    const query = plainToInstance(AuditQueryDto, {
      ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v || undefined])),
      page: typeof page === 'string' && page.trim() ? page.trim() : undefined,
      pageSize: PAGE_SIZE,
    });
    if ((await validate(query)).length > 0) {
      throw new DomainError('validation_failed', 'validation.audit_filter', {});
    }
    return query;
  }

  private async rows(
    contractId: string,
    items: Awaited<ReturnType<ContractsService['auditTrail']>>['items'],
  ) {
    const names = await this.audit.subjectNames(contractId, items);
    return items.map((e) => ({
      at: formatTime(e.occurredAt),
      actor: e.actorEmail ?? (e.actorType === 'system' ? SYSTEM_ACTOR_LABEL : e.actorType),
      party: isParty(e.party) ? PARTY_LABELS[e.party] : '',
      action: auditActionLabel(e.action),
      ...subjectView(e, names),
    }));
  }
}

function filtersOf(q: Record<string, unknown>): Filters {
  const text = (k: string): string => (typeof q[k] === 'string' ? q[k].trim() : '');
  return Object.fromEntries(FILTERS.map((k) => [k, text(k)])) as Filters;
}
