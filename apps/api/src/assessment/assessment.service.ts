import { Injectable } from '@nestjs/common';
import { fieldProblem, validationFailed, type Actor } from '@luyue/domain';
import {
  defaultAssessmentTemplate,
  scorecard,
  scorecardFaultOf,
  templateProblems,
  type AssessmentTemplate,
  withDefaults,
  type Scorecard,
} from '@luyue/assessment/definitions';
import { AssessmentTemplateStore } from '@luyue/assessment';
import { DutyQueryRepository } from '@luyue/duty';
import { FaultTicketQueryRepository } from '@luyue/fault-ticket';
import { RequirementQueryRepository } from '@luyue/requirement';
import { SecurityTaskStore } from '@luyue/security';
import { ContractAccessService } from '../contracts/contract-access.service';
import { contractYearNo } from '../contracts/contract-year';

/** The yearly assessment: a contract's template, and a contract year's scorecard from its records. */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly contracts: ContractAccessService,
    private readonly templates: AssessmentTemplateStore,
    private readonly faults: FaultTicketQueryRepository,
    private readonly duties: DutyQueryRepository,
    private readonly requirements: RequirementQueryRepository,
    private readonly security: SecurityTaskStore,
  ) {}

  async template(actor: Actor, contractId: string): Promise<AssessmentTemplate> {
    await this.contracts.requireParty(actor, contractId);
    return this.templateOf(contractId);
  }

  async saveTemplate(
    actor: Actor,
    contractId: string,
    template: AssessmentTemplate,
  ): Promise<AssessmentTemplate> {
    await this.contracts.requireParty(actor, contractId);
    const problems = templateProblems(template).map((p) =>
      fieldProblem(p.field, 'field.assessment_template', { problem: p.problem, key: p.key }),
    );
    if (problems.length > 0) throw validationFailed(problems);
    const clean: AssessmentTemplate = {
      indicators: template.indicators.map(({ key, enabled, target }) => ({ key, enabled, target })),
      availability: {
        manualPercent: template.availability.manualPercent,
        manualNote: template.availability.manualNote.trim(),
        maintenanceWindows: template.availability.maintenanceWindows.map(({ from, to, note }) => ({
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          note,
        })),
      },
    };
    await this.templates.save(contractId, clean, actor.userId);
    return clean;
  }

  async scorecard(actor: Actor, contractId: string, year?: number): Promise<Scorecard> {
    const contract = await this.contracts.requireParty(actor, contractId);
    const contractYear = contractYearNo(contract, year);
    const span = contract.years.find((y) => y.yearNo === contractYear)!;
    const [template, faults, duties, requirements, tasks] = await Promise.all([
      this.templateOf(contractId),
      this.faults.ofYear(contractId, contractYear),
      this.duties.ofYear(contractId, contractYear),
      this.requirements.completionIds(contractId, contractYear),
      this.security.numberedStates(contractId),
    ]);
    return scorecard(
      {
        contractYear,
        startDate: span.startDate,
        endDate: span.endDate,
        now: new Date().toISOString(),
        faults: faults.flatMap((t) => (t.state ? [scorecardFaultOf(t.state)] : [])),
        duties,
        requirements,
        // Each task counts in the contract year of its notice, as in the security stats.
        securityTasks: tasks
          .filter((t) => t.state.contractYear === contractYear)
          .map((t) => ({
            id: t.id,
            number: t.number,
            severity: t.state.severity,
            status: t.state.status,
          })),
      },
      template,
    );
  }

  private async templateOf(contractId: string): Promise<AssessmentTemplate> {
    const stored = await this.templates.find(contractId);
    return stored ? withDefaults(stored) : defaultAssessmentTemplate();
  }
}
