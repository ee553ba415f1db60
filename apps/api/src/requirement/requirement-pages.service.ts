import { auditActionLabel } from '@luyue/domain';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  FEASIBILITY_LABELS,
  KIND_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  type Actor,
  formatTime,
  DEADLINE_LABELS,
  overdueSince,
  SYSTEM_ACTOR_LABEL,
  PAGE_TITLES,
  NOT_ON_TIME,
  TEST_ROUND_RESULT_LABELS,
  acceptanceQuotaLine,
  KIND_PENDING_LABEL,
  REQUIREMENT_FACT_LABELS,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import type { ContractRecord } from '@luyue/persistence';
import type { RequirementDto } from './dto/requirement.dto';
import { RequirementAccessService } from './requirement-access.service';
import { RequirementsService } from './requirements.service';

/** Printable pages for people: the request (where mails link to) and its acceptance confirmation. */
@Injectable()
export class RequirementPagesService {
  constructor(
    private readonly access: RequirementAccessService,
    private readonly reads: RequirementsService,
    private readonly renderer: TemplateRenderer,
  ) {}

  /** `around` adds what the console shows with it: the frame and the action forms. */
  async page(
    actor: Actor,
    id: string,
    around: (r: RequirementDto) => Promise<Record<string, unknown>> = () => Promise.resolve({}),
  ): Promise<string> {
    const visible = await this.access.requireVisible(actor, id);
    const r = await this.reads.detail(actor, visible);
    const { assessment, delivery } = r.deadlines;
    return this.renderer.render('requirement/requirement.html', {
      ...common(r, visible.contract),
      ...(await around(r)),
      facts: facts(r),
      status: STATUS_LABELS[r.status],
      assessmentDueAt: formatTime(r.assessmentDueAt),
      deadlines: [
        assessment && {
          label: DEADLINE_LABELS.assessment,
          dueAt: formatTime(assessment.dueAt),
          provisional: assessment.provisional,
          missed: assessment.breachedAt ? overdueSince(formatTime(assessment.breachedAt)) : '',
        },
        delivery && {
          label: DEADLINE_LABELS.delivery,
          dueAt: `${delivery.plannedDeliveryDate}（${formatTime(delivery.dueAt)}）`,
          provisional: delivery.provisional,
          missed: delivery.overdueAt ? overdueSince(formatTime(delivery.overdueAt)) : '',
        },
      ].filter(Boolean),
      workLog: r.workLog.map((w) => ({ ...w, loggedAt: formatTime(w.loggedAt) })),
      attachments: r.attachments.map((a) => ({
        ...a,
        size: sizeLabel(a.size),
        uploadedAt: formatTime(a.uploadedAt),
        sha256Short: a.sha256.slice(0, 12),
      })),
      accepted: r.status === 'accepted',
      timeline: r.timeline.map((t) => ({
        at: formatTime(t.at),
        action: auditActionLabel(t.action),
        actor: t.actorEmail ?? SYSTEM_ACTOR_LABEL,
        status: t.toStatus ? STATUS_LABELS[t.toStatus as RequirementDto['status']] : '',
      })),
    });
  }

  /** Only once the hospital has accepted: before that there is nothing to sign (409). */
  async acceptance(actor: Actor, id: string): Promise<string> {
    const visible = await this.access.requireVisible(actor, id);
    const r = await this.reads.detail(actor, visible);
    if (r.status !== 'accepted' || !r.acceptance) {
      throw new DomainError(
        'invalid_state',
        'requirement.acceptance_not_yet',
        { id: r.id, status: r.status },
        { currentStatus: r.status, allowedActions: r.allowedActions },
      );
    }
    const { acceptance, approval } = r;
    return this.renderer.render('requirement/requirement-acceptance.html', {
      ...common(r, visible.contract),
      title: `${PAGE_TITLES.acceptance} ${r.id}`,
      kindDecision: r.kindDecision && { vendorKind: KIND_LABELS[r.kindDecision.vendorKind] },
      facts: facts(r),
      acceptance: {
        actualPersonDays: acceptance.actualPersonDays,
        note: acceptance.note,
        by: acceptance.acceptedBy.name,
        at: formatTime(acceptance.acceptedAt),
      },
      quota: approval?.quotaDecision
        ? acceptanceQuotaLine(approval.quotaDecision, acceptance.actualPersonDays)
        : null,
      generatedAt: formatTime(new Date()),
    });
  }
}

function common(r: RequirementDto, contract: ContractRecord): Record<string, unknown> {
  return {
    r,
    contract: {
      number: contract.number,
      name: contract.name,
      hospital: contract.hospital.name,
      vendor: contract.vendor.name,
      supervisor: contract.supervisor.name,
    },
    kind: r.kind ? KIND_LABELS[r.kind] : KIND_PENDING_LABEL,
    priority: PRIORITY_LABELS[r.priority],
    receivedAt: formatTime(r.receivedAt),
  };
}

/** What the request's decisions rest on, shown above the forms and printed on the confirmation. */
function facts(r: RequirementDto): Record<string, unknown> {
  const { assessment, release } = r;
  return {
    labels: REQUIREMENT_FACT_LABELS,
    assessment: assessment && {
      feasibility: FEASIBILITY_LABELS[assessment.feasibility],
      assessedAt: formatTime(assessment.assessedAt),
      onTime: assessment.onTime ? '' : NOT_ON_TIME,
      solution: assessment.solution,
      alternativeSolution: assessment.alternativeSolution,
      estimate: assessment.estimatePersonDays,
      // The date in force: a replan moves it after the assessment.
      plannedDeliveryDate: r.plannedDeliveryDate ?? assessment.plannedDeliveryDate,
    },
    testRounds: r.testRounds.map((t) => ({
      version: t.version,
      submittedAt: formatTime(t.submittedAt),
      notes: t.notes,
      result: TEST_ROUND_RESULT_LABELS[t.result ?? 'testing'],
      resultNotes: t.resultNotes ?? '',
    })),
    release: release && {
      ...release,
      releasedAt: formatTime(release.releasedAt),
      onTime: release.onTime ? '' : NOT_ON_TIME,
    },
  };
}

/** Bytes as a reader estimates them: 812 B, 3.4 KB, 1.2 MB. */
function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
