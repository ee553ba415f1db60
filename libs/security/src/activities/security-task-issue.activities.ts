import { Injectable } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import { AppConfig } from '@luyue/config';
import {
  contactsByRole,
  contractYearOf,
  DomainError,
  SEVERITY_LABELS,
  shanghaiDate,
} from '@luyue/domain';
import { importedLinesFor, reopensClosedTask } from '../security-task.rules';
import {
  isFinalRemediationStatus,
  remediationSettingsOf,
  type RemediationNotify,
  type RemediationSettings,
  type RetestImportResult,
} from '../security-task.types';
import { noticeIssuedMails } from '../security-task-mail.plan';
import { remediationStep } from '../security-task.process';
import { type FindingSeverity } from '../security-finding.types';
import { TemplateRenderer } from '@luyue/notifications';
import {
  ContractRepository,
  OutboxRepository,
  outboxMailOf,
  TransactionRunner,
  UserRepository,
} from '@luyue/persistence';
import { SecurityImportStore } from '../store/security-import.store';
import { SecurityNoticeRepository } from '../store/security-notice.repository';
import { SecurityTaskStore, type TaskImportResult } from '../store/security-task.store';
import {
  firstSecurityTaskState,
  querySecurityTaskState,
  sendRetestImport,
  startSecurityTask,
} from '../security-task.client';
import { TemporalClientService } from '@luyue/temporal';
import type { SecurityTaskIssueActivities } from '../security-task-issue.activity-types';
import { heartbeat } from '@luyue/temporal';

const BATCH = 100;

/** Starts the remediation workflows of an import's notice; each step may run again harmlessly. */
@Injectable()
export class SecurityTaskIssueActivitiesService implements SecurityTaskIssueActivities {
  constructor(
    private readonly imports: SecurityImportStore,
    private readonly notices: SecurityNoticeRepository,
    private readonly tasks: SecurityTaskStore,
    private readonly contracts: ContractRepository,
    private readonly users: UserRepository,
    private readonly temporal: TemporalClientService,
    private readonly outbox: OutboxRepository,
    private readonly renderer: TemplateRenderer,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  async issueRemediationTasks(input: { importId: string }) {
    const job = await this.imports.job(input.importId);
    if (!job || !['issuing', 'done'].includes(job.status)) return { started: 0, retested: 0 };
    const contract = await this.contracts.findById(job.contractId);
    if (!contract) throw new Error(`No contract ${job.contractId}`);
    const notify = await this.notifyOf(contract);
    const client = await this.temporal.client();
    const settings = remediationSettingsOf(contract.settings);
    let retested = 0;
    for (const task of await this.tasks.importResults(job.noticeId, input.importId)) {
      const lines = importedLinesFor(task.status, task.lines, job.retest);
      if (lines.length === 0) continue;
      const result = { importId: input.importId, lines };
      const sent =
        !isFinalRemediationStatus(task.status) &&
        (await this.sendToRun(client, task.taskId, result));
      if (!sent) await this.reopen(client, input.importId, task, job.retest, settings, notify);
      retested++;
      heartbeat({ retested });
    }
    const unstarted = await this.tasks.unstarted(job.noticeId);
    for (let i = 0; i < unstarted.length; i += BATCH) {
      const batch = unstarted.slice(i, i + BATCH);
      await Promise.all(
        batch.map((t) =>
          startSecurityTask(client, this.temporal.taskQueue, {
            taskId: t.taskId,
            noticeId: t.noticeId,
            contractId: t.contractId,
            contractYear:
              contractYearOf(contract.years, shanghaiDate(new Date(t.issuedAt).toISOString()))
                ?.yearNo ?? 1,
            title: t.title,
            severity: t.severity,
            source: t.source,
            issuedAt: new Date(t.issuedAt).toISOString(),
            lines: t.lines,
            settings,
            notify,
          }).catch((error: unknown) => {
            // Started by an earlier attempt that died before marking it: nothing to do.
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          }),
        ),
      );
      await this.tasks.markStarted(batch.map((t) => t.taskId));
      heartbeat({ started: i + batch.length });
    }
    // `done` only once every task of the notice accepts steps (its first state is recorded).
    const waiting = await this.tasks.notYetAccepting(job.noticeId);
    for (let i = 0; i < waiting.length; i += BATCH) {
      const batch = waiting.slice(i, i + BATCH);
      await Promise.all(batch.map((id) => firstSecurityTaskState(client, id)));
      heartbeat({ accepting: i + batch.length });
    }
    if (unstarted.length > 0) {
      await this.mailNotice(job.noticeId, input.importId, job.retest, notify, unstarted);
    }
    await this.imports.tasksIssued(input.importId);
    return { started: unstarted.length, retested };
  }

  /** False when the task's run has ended meanwhile (it is then reopened, if at all). */
  private async sendToRun(client: Client, taskId: string, result: RetestImportResult) {
    try {
      await sendRetestImport(client, taskId, result);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      if (error instanceof DomainError && error.code === 'invalid_state') return false;
      throw error;
    }
  }

  /**
   * A closed task the import found again runs again: a new run of its workflow carries on
   * from the last state and applies the import first, so the reopening has its own period.
   */
  private async reopen(
    client: Client,
    importId: string,
    task: TaskImportResult,
    retest: boolean,
    settings: RemediationSettings,
    notify: RemediationNotify,
  ): Promise<void> {
    const state = await this.tasks.stateOf(task.taskId);
    if (!state) throw new Error(`No workflow state for task ${task.taskId}`);
    const result = { importId, lines: importedLinesFor(state.status, task.lines, retest) };
    if (!reopensClosedTask(state, result)) return;
    try {
      await startSecurityTask(client, this.temporal.taskQueue, {
        taskId: state.taskId,
        noticeId: state.noticeId,
        contractId: state.contractId,
        contractYear: state.contractYear,
        title: state.title,
        severity: state.severity,
        source: state.source,
        issuedAt: state.issuedAt,
        lines: state.lines.map((l) => ({ lineId: l.lineId, label: l.label })),
        settings,
        notify,
        reopen: { state, result },
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      // Started by an earlier attempt; or the last run is still closing: then try again later.
      const running = await querySecurityTaskState(client, task.taskId);
      if (!running.retestImports.includes(result.importId)) throw error;
    }
  }

  private async notifyOf(contract: {
    hospitalOrganizationId: string;
    vendorOrganizationId: string;
    supervisorOrganizationId: string;
  }): Promise<RemediationNotify> {
    const ids = [
      contract.hospitalOrganizationId,
      contract.vendorOrganizationId,
      contract.supervisorOrganizationId,
    ];
    const members = (await Promise.all(ids.map((id) => this.users.listByOrganization(id)))).flat();
    return contactsByRole(members);
  }

  /** One mail for the import's new tasks, not one per task; a retry queues nothing new. */
  private async mailNotice(
    noticeId: string,
    importId: string,
    retest: boolean,
    notify: RemediationNotify,
    issued: Array<{ severity: FindingSeverity }>,
  ): Promise<void> {
    const notice = await this.notices.find(noticeId);
    const counts = new Map<FindingSeverity, number>();
    for (const t of issued) counts.set(t.severity, (counts.get(t.severity) ?? 0) + 1);
    await this.tx.run(async (m) => {
      for (const mail of noticeIssuedMails(noticeId, importId, notify, null)) {
        const rendered = this.renderer.renderMail(mail.template, {
          headline: remediationStep('notice_issued').headline,
          notice,
          tasks: issued.length,
          retest,
          bySeverity: [...counts].map(([s, n]) => ({ label: SEVERITY_LABELS[s], n })),
          link: `${this.config.PUBLIC_BASE_URL}/security/notices/${noticeId}`,
        });
        await this.outbox.enqueue(m, outboxMailOf(mail, rendered));
      }
    });
  }
}
