import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import { contactsByRole, shanghaiDate, type ContractYear } from '@luyue/domain';
import { ContractRepository, UserRepository, type ContractRecord } from '@luyue/persistence';
import { TemporalClientService } from '@luyue/temporal';
import { dutySlots } from './duty-schedule';
import { startDuty } from './duty.client';
import { initialDutyState } from './duty.reducer';
import type { DutyInput, DutyPlanSnapshot, DutyState } from './duty.types';
import { DutyStore, type DutyPlanRecord } from './store/duty.store';

/** Workflows started at once: enough to keep Temporal busy, few enough to leave the api room. */
const STARTS_AT_ONCE = 16;

/**
 * A plan's occurrences of a contract year: placed on the working-day calendar, inserted with
 * their first state (once per plan, year and day), then one workflow each holding its deadline.
 * Generating again starts only what a failed run left unstarted. Used by the api (a new plan, the
 * next year) and the worker (a plan a change request brought).
 */
@Injectable()
export class DutyGenerationService {
  constructor(
    private readonly store: DutyStore,
    private readonly calendars: CalendarService,
    private readonly users: UserRepository,
    private readonly temporal: TemporalClientService,
    private readonly contracts: ContractRepository,
  ) {}

  /**
   * A calendar year was loaded: holiday-following plans get the occurrences of holidays the
   * official schedule has and the provisional one had not (from today, in years not over).
   */
  async holidaysChanged(): Promise<number> {
    const today = shanghaiDate(new Date());
    let generated = 0;
    for (const plan of await this.store.activeHolidayPlans()) {
      const contract = await this.contracts.findById(plan.contractId);
      for (const year of contract?.years.filter((y) => y.endDate >= today) ?? []) {
        const from = year.startDate <= today ? today : undefined;
        generated += (await this.generate(contract!, plan, year, from)).generated;
      }
    }
    return generated;
  }

  async generate(
    contract: ContractRecord,
    plan: DutyPlanRecord,
    year: ContractYear,
    fromDay?: string,
  ): Promise<{ generated: number }> {
    const calendar = await this.calendars.calendar();
    const known = new Set(await this.store.slotKeysOf(plan.id, year.yearNo));
    const slots = dutySlots(plan.plan, year, calendar, fromDay).filter((s) => !known.has(s.key));
    const numbers = await this.store.nextNumbers(Number(year.startDate.slice(0, 4)), slots.length);
    const snapshot = snapshotOf(plan);
    const now = new Date().toISOString();
    const states = slots.map((slot, i) =>
      initialDutyState({
        ...this.bare(contract, plan, year, now),
        occurrenceId: randomUUID(),
        number: numbers[i],
        plan: snapshot,
        slot,
      }),
    );
    await this.store.insertOccurrences(states);
    await this.startUnstarted(contract, plan, year);
    return { generated: slots.length };
  }

  private async startUnstarted(
    contract: ContractRecord,
    plan: DutyPlanRecord,
    year: ContractYear,
  ): Promise<void> {
    const pending = await this.store.unstarted(plan.id, year.yearNo);
    if (pending.length === 0) return;
    const [client, members] = await Promise.all([
      this.temporal.client(),
      Promise.all(
        [contract.hospitalOrganizationId, contract.vendorOrganizationId].map((o) =>
          this.users.listByOrganization(o),
        ),
      ),
    ]);
    const notify = contactsByRole(members.flat());
    const inputOf = (s: DutyState): DutyInput => ({
      ...this.bare(contract, plan, year, s.updatedAt),
      occurrenceId: s.occurrenceId,
      number: s.number,
      plan: s.plan,
      slot: s.slot,
      notify,
    });
    for (let i = 0; i < pending.length; i += STARTS_AT_ONCE) {
      await Promise.all(
        pending
          .slice(i, i + STARTS_AT_ONCE)
          .map((s) => startDuty(client, this.temporal.taskQueue, inputOf(s))),
      );
    }
  }

  private bare(contract: ContractRecord, plan: DutyPlanRecord, year: ContractYear, at: string) {
    return {
      contractId: contract.id,
      contractYear: year.yearNo,
      createdAt: at,
      notify: {},
      schedule: plan.plan,
      year: { startDate: year.startDate, endDate: year.endDate },
    };
  }
}

export function snapshotOf({ id, plan }: DutyPlanRecord): DutyPlanSnapshot {
  return {
    planId: id,
    kind: plan.kind,
    customKind: plan.kind === 'custom' ? plan.customKind : null,
    title: plan.title,
    systems: plan.systems,
    checklist: plan.checklist,
    signers: plan.signers,
  };
}
