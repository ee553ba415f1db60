import { Injectable } from '@nestjs/common';
import { DomainError, shanghaiDate, type Actor, type LinkTokenPayload } from '@luyue/domain';
import {
  allowedDutyActions,
  dutyFigures,
  unsignedRolesOf,
  type DutyAction,
  type DutySignerRole,
  type DutyState,
} from '@luyue/duty/definitions';
import { DutyQueryRepository, type DutyLinkRecord, type DutyOccurrenceRecord } from '@luyue/duty';
import {
  ContractAccessService,
  type SubjectKind,
  type Visible,
} from '../contracts/contract-access.service';
import type { Paged } from '../common/paged-list.dto';
import type { DutyListQueryDto } from './dto/duty.dto';
import { DutyLedgerExporter } from './duty-ledger.exporter';

/** An occurrence as the api answers it: its row, its state, the caller's steps and signer roles. */
export type DutyView = DutyOccurrenceRecord & {
  allowedActions: DutyAction[];
  /** The signer roles the caller would sign for now. */
  signsAs: DutySignerRole[];
  links?: DutyLinkRecord[];
};

export function dutySubjects(duties: DutyQueryRepository): SubjectKind<DutyOccurrenceRecord> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return {
    find: (id) => (uuid.test(id) ? duties.find(id) : Promise.resolve(null)),
    notFound: (id) => new DomainError('not_found', 'duty.not_found', { id }),
  };
}

/** Duty occurrences on the api: a contract's list, one occurrence with its links, the figures. */
@Injectable()
export class DutiesService {
  readonly subjects: SubjectKind<DutyOccurrenceRecord>;

  constructor(
    private readonly contracts: ContractAccessService,
    private readonly duties: DutyQueryRepository,
    private readonly exporter: DutyLedgerExporter,
  ) {
    this.subjects = dutySubjects(duties);
  }

  async list(actor: Actor, contractId: string, q: DutyListQueryDto): Promise<Paged<DutyView>> {
    await this.contracts.requireParty(actor, contractId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { items, total } = await this.duties.list(contractId, {
      contractYear: q.year,
      kind: q.kind,
      state: q.state,
      planId: q.planId,
      page,
      pageSize,
    });
    return {
      items: items.map((d) => ({ ...d, allowedActions: [], signsAs: [] })),
      total,
      page,
      pageSize,
    };
  }

  async view(actor: Actor, id: string): Promise<DutyView> {
    const visible = await this.contracts.requireSubject(actor, this.subjects, id);
    const links = await this.duties.linksOf(id);
    return { ...this.viewOf(visible, visible.subject.state), links };
  }

  /** The occurrence a signing link was issued for, as its recipient may see it. */
  async viewByLink(actor: Actor, link: LinkTokenPayload): Promise<DutyView> {
    const visible = await this.contracts.requireSubject(
      actor,
      this.subjects,
      link.subjectId,
      link.subjectId,
    );
    const links = await this.duties.linksOf(link.subjectId);
    return { ...this.viewOf(visible, visible.subject.state), links };
  }

  async figures(actor: Actor, contractId: string, year: number) {
    await this.contracts.requireParty(actor, contractId);
    const rows = await this.duties.ofYear(contractId, year);
    const now = new Date().toISOString();
    return {
      year,
      asOf: shanghaiDate(now),
      ...dutyFigures(
        rows.map((r) => ({ ...r, kind: r.kind })),
        now,
      ),
    };
  }

  /** A calendar month's occurrences (`YYYY-MM`) with their figures, for the monthly summary. */
  async month(actor: Actor, contractId: string, month: string) {
    await this.contracts.requireParty(actor, contractId);
    const rows = await this.duties.ofMonth(contractId, month);
    return { month, items: rows, ...dutyFigures(rows, new Date().toISOString()) };
  }

  /** Every occurrence of a contract year as the duty ledger (.xlsx). */
  async ledger(actor: Actor, contractId: string, year: number) {
    const contract = await this.contracts.requireParty(actor, contractId);
    const rows = await this.duties.ofYear(contractId, year);
    return this.exporter.export(
      contract,
      year,
      rows.map((r) => r.state),
    );
  }

  viewOf(
    { subject, acting }: Pick<Visible<DutyOccurrenceRecord>, 'subject' | 'acting'>,
    state: DutyState,
  ): DutyView {
    return {
      ...subject,
      ...recordOf(state),
      allowedActions: acting.party ? allowedDutyActions(state, acting) : [],
      signsAs: acting.party === 'hospital' ? unsignedRolesOf(state, acting) : [],
    };
  }
}

/** The row's columns as the state says they are now. */
function recordOf(s: DutyState): Partial<DutyOccurrenceRecord> {
  return {
    status: s.status,
    windowStart: s.slot.windowStart,
    dueDay: s.slot.dueDay,
    recordDueAt: s.slot.recordDueAt,
    provisional: s.slot.provisional,
    breachedAt: s.breachedAt,
    doneAt: s.doneAt,
    state: s,
  };
}
