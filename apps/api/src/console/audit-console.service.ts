import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  DomainError,
  isParty,
  auditActionLabel,
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

/** The contract's audit trail, by subject and actor, on the REST route's service. */
@Injectable()
export class AuditConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly contracts: ContractsService,
    private readonly audit: AuditEventRepository,
  ) {}

  async page(request: PageRequest): Promise<string> {
    const { actor } = request;
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.audit,
      crumbs: [{ label: PAGE_TITLES.audit }],
      section: '/audit',
    });
    const q = request.query;
    const text = (k: string): string => (typeof q[k] === 'string' ? q[k].trim() : '');
    const query = plainToInstance(AuditQueryDto, {
      subject: text('subject') || undefined,
      actor: text('actor') || undefined,
      page: text('page') || undefined,
      pageSize: PAGE_SIZE,
    });
    const invalid = await validate(query);
    if (invalid.length > 0) {
      throw new DomainError('validation_failed', 'validation.audit_filter', {});
    }
    const contract = frame.contract;
    if (!contract) return this.renderer.render('pages/audit.html', { layout: frame.layout });
    const found = await this.contracts.auditTrail(actor, contract.id, query);
    const names = await this.audit.subjectNames(contract.id, found.items);
    const link = (page: number): string =>
      `/audit?${new URLSearchParams({ subject: text('subject'), actor: text('actor'), page: String(page) }).toString()}`;
    return this.renderer.render('pages/audit.html', {
      layout: frame.layout,
      contract,
      filters: { subject: text('subject'), actor: text('actor') },
      items: found.items.map((e) => ({
        at: formatTime(e.occurredAt),
        actor: e.actorEmail ?? (e.actorType === 'system' ? SYSTEM_ACTOR_LABEL : e.actorType),
        party: isParty(e.party) ? PARTY_LABELS[e.party] : '',
        action: auditActionLabel(e.action),
        ...subjectView(e, names),
      })),
      ...pagingOf(found, PAGE_SIZE, link),
    });
  }
}
