import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { coverageProblem } from '@luyue/calendar';
import {
  actorRefOf,
  contactsByRole,
  contractYearOf,
  DomainError,
  fieldProblem,
  shanghaiDate,
  validationFailed,
  type Actor,
} from '@luyue/domain';
import {
  allowedFaultActions,
  DEFAULT_SLA_POLICY,
  slaPolicyProblems,
  type FaultAction,
  type FaultTicketState,
  type SlaPolicy,
} from '@luyue/fault-ticket/definitions';
import {
  FaultTicketQueryRepository,
  FaultTicketStore,
  startFaultTicketWithFirstState,
  type FaultTicketRecord,
} from '@luyue/fault-ticket';
import { IdempotencyKeyRepository, TransactionRunner, UserRepository } from '@luyue/persistence';
import { TemporalClientService } from '@luyue/temporal';
import {
  ContractAccessService,
  type SubjectKind,
  type Visible,
} from '../contracts/contract-access.service';
import type { ActingContext } from '../kit/acting-context';
import type { Paged } from '../common/paged-list.dto';
import type { FaultListQueryDto, ReportFaultDto } from './dto/fault-ticket.dto';

/** A ticket as the api answers it: the row's columns, its workflow state, the caller's steps. */
export type FaultTicketView = FaultTicketRecord & { allowedActions: FaultAction[] };

const REPORTERS = ['hospital_staff', 'hospital_manager', 'vendor_pm', 'vendor_dev'] as const;

/** Tickets by id; an outsider gets the same 404 as for an id that does not exist. */
export function faultSubjects(tickets: FaultTicketQueryRepository): SubjectKind<FaultTicketRecord> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return {
    find: (id) => (uuid.test(id) ? tickets.find(id) : Promise.resolve(null)),
    notFound: (id) => new DomainError('not_found', 'fault.not_found', { id }),
  };
}

/**
 * Fault tickets on the api: reported by the hospital (or logged by the vendor with the time of
 * the call) under the contract's SLA policy in force, read back with the caller's steps.
 */
@Injectable()
export class FaultTicketsService {
  readonly subjects: SubjectKind<FaultTicketRecord>;

  constructor(
    private readonly contracts: ContractAccessService,
    private readonly tickets: FaultTicketQueryRepository,
    private readonly store: FaultTicketStore,
    private readonly users: UserRepository,
    private readonly keys: IdempotencyKeyRepository,
    private readonly tx: TransactionRunner,
    private readonly temporal: TemporalClientService,
  ) {
    this.subjects = faultSubjects(tickets);
  }

  async report(
    ctx: ActingContext,
    contractId: string,
    body: ReportFaultDto,
  ): Promise<FaultTicketView> {
    if (ctx.createdBefore) return this.view(ctx.actor, ctx.createdBefore);
    const { contract } = await this.contracts.requireActingParty(ctx.actor, contractId);
    const reporter = ctx.actor;
    if (!REPORTERS.some((r) => reporter.roles.includes(r))) {
      throw new DomainError(
        'forbidden',
        'action.role_refused',
        { roles: [...REPORTERS], action: 'report', noun: 'a fault ticket' },
        { action: 'report', allowedRoles: [...REPORTERS] },
      );
    }
    const now = new Date().toISOString();
    const reportedAt = body.reportedAt ? new Date(body.reportedAt).toISOString() : now;
    const problems = [];
    if (!contract.settings.systems.includes(body.system)) {
      problems.push(
        fieldProblem('system', 'field.unknown_system', { known: contract.settings.systems }),
      );
    }
    if (reportedAt > now)
      problems.push(fieldProblem('reportedAt', 'field.not_future', { field: 'reportedAt' }));
    const year = contractYearOf(contract.years, shanghaiDate(reportedAt));
    if (!year && reportedAt <= now) {
      problems.push(fieldProblem('reportedAt', 'field.outside_contract', { field: 'reportedAt' }));
    }
    if (problems.length > 0 || !year) throw validationFailed(problems);
    const [stored, members, client] = await Promise.all([
      this.store.currentPolicy(contractId),
      Promise.all(
        [contract.hospitalOrganizationId, contract.vendorOrganizationId].map((o) =>
          this.users.listByOrganization(o),
        ),
      ),
      this.client(),
    ]);
    const ticketId = randomUUID();
    const number = await this.store.nextNumber(Number(shanghaiDate(reportedAt).slice(0, 4)));
    if (ctx.idempotencyKey) {
      const key = ctx.idempotencyKey;
      await this.tx.run((m) => this.keys.recordSubject(m, key, ticketId));
    }
    const byRole = contactsByRole(members.flat());
    const state = await startFaultTicketWithFirstState(client, this.temporal.taskQueue, {
      ticketId,
      number,
      contractId,
      contractYear: year.yearNo,
      system: body.system,
      title: body.title.trim(),
      description: body.description ?? '',
      level: body.level,
      reportedAt,
      reportedBy: actorRefOf(reporter),
      policy: stored?.policy ?? DEFAULT_SLA_POLICY,
      policyVersion: stored?.version ?? null,
      notify: { ...byRole, reporter: [reporter.email] },
    });
    return this.viewOf({ subject: recordOf(state), acting: ctx.actor }, state);
  }

  async view(actor: Actor, id: string): Promise<FaultTicketView> {
    const visible = await this.contracts.requireSubject(actor, this.subjects, id);
    return this.viewOf(visible, visible.subject.state);
  }

  async list(
    actor: Actor,
    contractId: string,
    q: FaultListQueryDto,
  ): Promise<Paged<FaultTicketView>> {
    await this.contracts.requireParty(actor, contractId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { items, total } = await this.tickets.list(contractId, {
      contractYear: q.year,
      level: q.level,
      state: q.state,
      page,
      pageSize,
    });
    return { items: items.map((t) => ({ ...t, allowedActions: [] })), total, page, pageSize };
  }

  /** The policy in force (the default until the contract's first edit) and its version. */
  async policy(
    actor: Actor,
    contractId: string,
  ): Promise<{ version: number | null; policy: SlaPolicy }> {
    await this.contracts.requireParty(actor, contractId);
    const stored = await this.store.currentPolicy(contractId);
    return stored ?? { version: null, policy: DEFAULT_SLA_POLICY };
  }

  /** A new version for tickets reported from now on (admin or the hospital manager). */
  async savePolicy(
    actor: Actor,
    contractId: string,
    policy: SlaPolicy,
  ): Promise<{ version: number; policy: SlaPolicy }> {
    await this.contracts.requireParty(actor, contractId);
    const problems = slaPolicyProblems(policy, coverageProblem).map((p) =>
      fieldProblem(p.field, 'field.sla_policy', { problem: p.problem, detail: p.message }),
    );
    if (problems.length > 0) throw validationFailed(problems);
    const version = await this.store.savePolicy(contractId, policy, actor.userId);
    return { version, policy };
  }

  viewOf(
    { subject, acting }: Pick<Visible<FaultTicketRecord>, 'subject' | 'acting'>,
    state: FaultTicketState | null,
  ): FaultTicketView {
    const current = state ? { ...subject, ...recordOf(state), state } : subject;
    return {
      ...current,
      allowedActions: state && acting.party ? allowedFaultActions(state, acting) : [],
    };
  }

  private async client() {
    try {
      return await this.temporal.client();
    } catch {
      throw new DomainError('dependency_unavailable', 'workflow.unreachable_nothing_recorded', {});
    }
  }
}

/** The row's columns as the state says they are now (the row is their projection). */
function recordOf(s: FaultTicketState): FaultTicketRecord {
  const due = s.clocks.flatMap((c) => (c.since !== null && c.dueAt ? [c.dueAt] : [])).sort();
  return {
    id: s.ticketId,
    number: s.number,
    contractId: s.contractId,
    contractYear: s.contractYear,
    system: s.system,
    title: s.title,
    level: s.level,
    status: s.status,
    reportedAt: s.reportedAt,
    nextDueAt: due[0] ?? null,
    paused: s.pause?.since != null,
    state: s,
  };
}
