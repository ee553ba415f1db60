import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '@luyue/config';
import { DeadlineWatchActivitiesService } from './activities/deadline-watch.activities';
import { CustomizationRequestActivitiesService } from '@luyue/requirement';
import { ChangeRequestActivitiesService, ChangeEffectsService } from '@luyue/change-request';
import {
  SecurityImportActivitiesService,
  SecurityTaskActivitiesService,
  SecurityTaskIssueActivitiesService,
} from '@luyue/security';
import { FaultTicketActivitiesService } from '@luyue/fault-ticket';
import { DutyActivitiesService } from '@luyue/duty';
import { activityInterceptors } from './uncurable-failure.interceptor';
import { repoRoot, workflowBundleOptions } from './workflow-bundle.options';

/** Runs the Temporal worker with the Nest activity injectables; drains it on shutdown. */
@Injectable()
export class TemporalWorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;
  private connection?: NativeConnection;

  constructor(
    private readonly config: AppConfig,
    private readonly deadlineWatch: DeadlineWatchActivitiesService,
    private readonly customizationRequests: CustomizationRequestActivitiesService,
    private readonly changeRequests: ChangeRequestActivitiesService,
    private readonly changeEffects: ChangeEffectsService,
    private readonly securityImports: SecurityImportActivitiesService,
    private readonly securityTasks: SecurityTaskActivitiesService,
    private readonly securityIssue: SecurityTaskIssueActivitiesService,
    private readonly faults: FaultTicketActivitiesService,
    private readonly duties: DutyActivitiesService,
  ) {}

  /** Activity functions bound to their injectables; the names are the activity types. */
  activities(): Record<string, (...args: never[]) => Promise<unknown>> {
    const d = this.deadlineWatch;
    const r = this.customizationRequests;
    const c = this.changeRequests;
    const e = this.changeEffects;
    return {
      computeDeadline: d.computeDeadline.bind(d),
      scheduleDeadline: d.scheduleDeadline.bind(d),
      sendDeadlineReminder: d.sendDeadlineReminder.bind(d),
      recordDeadlineOutcome: d.recordDeadlineOutcome.bind(d),
      persistRequirementTransition: r.persistRequirementTransition.bind(r),
      computeDeliverySchedule: r.computeDeliverySchedule.bind(r),
      persistChangeTransition: c.persistChangeTransition.bind(c),
      applyChangeEffect: e.applyChangeEffect.bind(e),
      importSecurityReport: this.securityImports.importSecurityReport.bind(this.securityImports),
      persistSecurityTaskTransition: this.securityTasks.persistSecurityTaskTransition.bind(
        this.securityTasks,
      ),
      issueRemediationTasks: this.securityIssue.issueRemediationTasks.bind(this.securityIssue),
      failSecurityImport: this.securityImports.failSecurityImport.bind(this.securityImports),
      advanceFaultClocks: this.faults.advanceFaultClocks.bind(this.faults),
      persistFaultTransition: this.faults.persistFaultTransition.bind(this.faults),
      placeDuty: this.duties.placeDuty.bind(this.duties),
      persistDutyTransition: this.duties.persistDutyTransition.bind(this.duties),
    };
  }

  async start(): Promise<void> {
    this.connection = await this.connect();
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      activities: this.activities(),
      interceptors: { activity: [activityInterceptors] },
      ...this.workflowSource(),
      shutdownGraceTime: '20s',
    });
    this.logger.log(`polling task queue "${this.config.TEMPORAL_TASK_QUEUE}"`);
    this.running = this.worker.run();
  }

  /** Resolves when the worker stops (after shutdown or a fatal error). */
  whenStopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }

  /** Retries the first connection so the worker can start before Temporal is up. */
  private async connect(): Promise<NativeConnection> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
      } catch (err) {
        if (attempt >= 60) throw err;
        this.logger.warn(
          `Temporal at ${this.config.TEMPORAL_ADDRESS} not reachable yet (${String(err)})`,
        );
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private workflowSource():
    { workflowBundle: { codePath: string } } | ReturnType<typeof workflowBundleOptions> {
    const explicit = this.config.WORKFLOW_BUNDLE_PATH;
    const prebuilt =
      explicit ??
      (this.config.NODE_ENV === 'production'
        ? join(repoRoot(), 'dist', 'workflow-bundle.js')
        : undefined);
    if (prebuilt) {
      if (!existsSync(prebuilt))
        throw new Error(`WORKFLOW_BUNDLE_PATH ${prebuilt} does not exist; run npm run build`);
      this.logger.log(`workflows from prebuilt bundle ${prebuilt}`);
      return { workflowBundle: { codePath: prebuilt } };
    }
    this.logger.log('workflows bundled from source (development)');
    return workflowBundleOptions();
  }
}
