import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  contractYearOf,
  DomainError,
  shanghaiDate,
  validationFailed,
  type Actor,
} from '@luyue/domain';
import { dutyPlanProblems, type DutyPlan } from '@luyue/duty/definitions';
import { DutyGenerationService, DutyStore, type DutyPlanRecord } from '@luyue/duty';
import type { ContractRecord } from '@luyue/persistence';
import { ContractAccessService } from '../contracts/contract-access.service';
import type { DutyPlanDto } from './dto/duty.dto';

export type DutyPlanView = DutyPlanRecord & { generated?: number };

const planOf = (dto: DutyPlanDto): DutyPlan => ({
  kind: dto.kind,
  customKind: dto.customKind?.trim() || null,
  title: dto.title.trim(),
  systems: dto.systems,
  cadence: dto.cadence,
  windowDays: dto.windowDays ?? null,
  deadline: { workingDays: dto.deadline.workingDays, time: dto.deadline.time ?? null },
  reminderWorkingDays: dto.reminderWorkingDays ?? 1,
  checklist: dto.checklist.map((i) => ({
    key: i.key,
    text: typeof i.text === 'string' ? i.text.trim() : i.text,
    expected: i.expected ?? '',
  })),
  signers: dto.signers,
});

/**
 * A contract's duty plans: created by the admin or the hospital manager (the contract year under
 * way gets its occurrences from today on), listed, stopped (what is not due yet is cancelled).
 */
@Injectable()
export class DutyPlansService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly store: DutyStore,
    private readonly generation: DutyGenerationService,
  ) {}

  async create(actor: Actor, contractId: string, dto: DutyPlanDto): Promise<DutyPlanView> {
    const contract = await this.contracts.requireParty(actor, contractId);
    const plan = planOf(dto);
    const problems = dutyPlanProblems(plan, contract.settings.systems);
    if (problems.length > 0) throw validationFailed(problems);
    const id = randomUUID();
    await this.store.insertPlan(id, contractId, plan, actor.userId);
    const record = (await this.store.findPlan(id))!;
    const today = shanghaiDate(new Date());
    const year = contractYearOf(contract.years, today);
    const generated = year
      ? (await this.generation.generate(contract, record, year, today)).generated
      : 0;
    return { ...record, generated };
  }

  async list(actor: Actor, contractId: string): Promise<DutyPlanRecord[]> {
    await this.contracts.requireParty(actor, contractId);
    return this.store.plansOf(contractId);
  }

  async view(actor: Actor, id: string): Promise<DutyPlanRecord> {
    const { plan } = await this.visiblePlan(actor, id);
    return plan;
  }

  /**
   * Occurrences of every active plan for a contract year (the next one, ahead of its start);
   * those generated before are kept as they are.
   */
  async generateYear(
    actor: Actor,
    contractId: string,
    yearNo: number,
  ): Promise<{ year: number; generated: number }> {
    const contract = await this.contracts.requireParty(actor, contractId);
    const year = contract.years.find((y) => y.yearNo === yearNo);
    if (!year) {
      throw validationFailed([
        { field: 'year', message: `the contract has years 1 to ${contract.years.length}` },
      ]);
    }
    const today = shanghaiDate(new Date());
    let generated = 0;
    for (const plan of (await this.store.plansOf(contractId)).filter((p) => p.active)) {
      const from = year.startDate <= today ? today : undefined;
      generated += (await this.generation.generate(contract, plan, year, from)).generated;
    }
    return { year: yearNo, generated };
  }

  async visiblePlan(
    actor: Actor,
    id: string,
  ): Promise<{ plan: DutyPlanRecord; contract: ContractRecord }> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const plan = uuid.test(id) ? await this.store.findPlan(id) : null;
    const notFound = () => new DomainError('not_found', 'duty.plan_not_found', { id });
    if (!plan) throw notFound();
    try {
      return { plan, contract: await this.contracts.requireParty(actor, plan.contractId) };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw notFound();
      throw error;
    }
  }
}
