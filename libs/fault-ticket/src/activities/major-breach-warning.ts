import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@luyue/config';
import { contactsByRole, FAULT_LEVEL_LABELS } from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import {
  ContractRepository,
  outboxMailOf,
  UserRepository,
  type NewOutboxMail,
} from '@luyue/persistence';
import { isOverrun, MAJOR_BREACH_THRESHOLDS, majorBreachOf } from '../fault-figures';
import type { FaultTicketState } from '../fault-ticket.types';
import { FaultTicketStore } from '../store/fault-ticket.store';

/** Who is warned: the hospital's manager and the vendor's project manager. */
const WARNED = ['hospital_manager', 'vendor_pm'] as const;

/**
 * The warning before a major breach: once the contract year's overruns of a level reach its
 * warning point, both parties hear it once (the message key is the year and level), in the same
 * transaction as the breach that got there.
 */
@Injectable()
export class MajorBreachWarning {
  constructor(
    private readonly store: FaultTicketStore,
    private readonly contracts: ContractRepository,
    private readonly users: UserRepository,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  /** The mail a write of `state` owes, if its breaches brought the year to the warning point. */
  async mails(m: EntityManager, state: FaultTicketState): Promise<NewOutboxMail[]> {
    if (!MAJOR_BREACH_THRESHOLDS[state.level] || !state.clocks.some(isOverrun)) return [];
    const overruns = await this.store.yearOverrunsOfLevel(m, state);
    const standing = majorBreachOf(state.level, overruns)!;
    if (!standing.warning) return [];
    const contract = await this.contracts.findById(state.contractId, m);
    if (!contract) return [];
    const members = await Promise.all(
      [contract.hospitalOrganizationId, contract.vendorOrganizationId].map((o) =>
        this.users.listByOrganization(o),
      ),
    );
    const byRole = contactsByRole(members.flat());
    const to = [...new Set(WARNED.flatMap((r) => byRole[r] ?? []))];
    if (to.length === 0) return [];
    const template = 'fault-major-breach-warning';
    const rendered = this.renderer.renderMail(template, {
      contract,
      contractYear: state.contractYear,
      level: FAULT_LEVEL_LABELS[state.level],
      overruns,
      ...standing,
      ticket: state,
      link: `${this.config.PUBLIC_BASE_URL}/fault-tickets/${encodeURIComponent(state.ticketId)}`,
    });
    const messageKey = `${state.contractId}:${state.contractYear}:${state.level}:fault-major-breach-warning`;
    return [outboxMailOf({ messageKey, template, to }, rendered)];
  }
}
