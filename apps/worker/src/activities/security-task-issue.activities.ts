import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppConfig } from '@luyue/config';
import {
  contactsByRole,
  contractYearOf,
  noticeIssuedMails,
  remediationSettingsOf,
  remediationStep,
  SEVERITY_LABELS,
  shanghaiDate,
  type FindingSeverity,
  type RemediationNotify,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import {
  ContractRepository,
  OutboxRepository,
  SecurityImportStore,
  SecurityNoticeRepository,
  SecurityTaskStore,
  TransactionRunner,
  UserRepository,
} from '@luyue/persistence';
import { sendRetestImport, startSecurityTask, TemporalClientService } from '@luyue/temporal';
import type { SecurityTaskIssueActivities } from '@luyue/temporal/definitions';
import { heartbeat } from './heartbeat.util';

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
    if (!job || job.status !== 'done') return { started: 0, retested: 0 };
    const contract = await this.contracts.findById(job.contractId);
    if (!contract) throw new Error(`No contract ${job.contractId}`);
    const notify = await this.notifyOf(contract);
    const client = await this.temporal.client();
    let retested = 0;
    if (job.retest) {
      for (const task of await this.tasks.retestResults(job.noticeId)) {
        await sendRetestImport(client, task.taskId, {
          importId: input.importId,
          lines: task.lines,
        });
        retested++;
        heartbeat({ retested });
      }
    }
    const unstarted = await this.tasks.unstarted(job.noticeId);
    const settings = remediationSettingsOf(contract.settings);
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
    if (unstarted.length > 0) {
      await this.mailNotice(job.noticeId, input.importId, job.retest, notify, unstarted);
    }
    return { started: unstarted.length, retested };
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
        await this.outbox.enqueue(m, {
          messageKey: mail.messageKey,
          recipients: mail.to,
          template: mail.template,
          ...rendered,
        });
      }
    });
  }
}
