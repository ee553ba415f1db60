import { remediationStepLabel } from '@luyue/domain';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  hasAnyRole,
  type Actor,
  IMPORT_STATUS_LABELS,
  NOTICE_SOURCE_LABELS,
  REPORT_FORMAT_LABELS,
  SEVERITY_LABELS,
  FIX_CAUSE_LABELS,
  LINE_STATUS_LABELS,
  REMEDIATION_STATUS_LABELS,
  formatDate,
  formatTime,
  issuedFromLabel,
  PAGE_TITLES,
  stepDoneFlash,
  SECURITY_PAGE_WORDS,
  noticeIssuedFlash,
} from '@luyue/domain';
import {
  FINDING_SEVERITIES,
  type FindingSeverity,
  isImportRunning,
  NOTICE_ISSUER_ROLES,
  REMEDIATION_STATUSES,
  remediationTimeline,
  type RemediationStatus,
  validateRemediationPayload,
  type RemediationActionCall,
} from '@luyue/security/definitions';
import { TemplateRenderer } from '@luyue/notifications';
import type { PageRequest } from '../../console/console-page';
import { consoleAct, validationRefusal, type FormSending } from '../../kit/console-action';
import { FORM_ERROR } from '../../console/console-field';
import type { ContractDto } from '../../contracts/dto/contract.dto';
import { IssueNoticeDto, type ImportDto, type NoticeDetailDto } from '../dto/security-notice.dto';
import type { SecurityTaskDto } from '../dto/security-task.dto';
import { UploadReportDto } from '../dto/upload-report.dto';
import { SecurityImportService } from '../security-import.service';
import { SecurityNoticesService } from '../security-notices.service';
import { SecurityTasksService } from '../security-tasks.service';
import { ConsoleFrameService } from '../../console/console-frame.service';
import { actionForms, formFields, readForm, type FailedForm } from '../../console/console-form';
import type { ConsoleOutcome } from '../../console/console-outcome';
import { noticeFields, UPLOAD_FIELDS } from './security-console-fields';
import {
  assetsOf,
  isRemediationAction,
  remediationFormsFor,
  remediationPayloadOf,
  REMEDIATION_ACTION_FORMS,
} from './security-task-action-fields';
import { RemediationService } from '../security-task-actions.service';

const TASK_PAGE = 200;
const REFRESH_SECONDS = 2;

const severityBadge = (s: FindingSeverity) => ({ key: s, label: SEVERITY_LABELS[s] });

/** Tasks per severity, most severe first, each with its badge. */
const severityCounts = (counts: Partial<Record<FindingSeverity, number>>) =>
  FINDING_SEVERITIES.map((s) => ({ ...severityBadge(s), n: counts[s] ?? 0 }));

/** Tasks per state, in the states' order, zh-CN labelled. */
const stateCounts = (counts: Partial<Record<RemediationStatus, number>>) =>
  REMEDIATION_STATUSES.filter((s) => counts[s]).map((s) => ({
    key: s,
    label: REMEDIATION_STATUS_LABELS[s],
    n: counts[s] ?? 0,
  }));

/** The security pages of the console, on the services behind the REST routes. */
@Injectable()
export class SecurityConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly notices: SecurityNoticesService,
    private readonly imports: SecurityImportService,
    private readonly tasks: SecurityTasksService,
    private readonly remediation: RemediationService,
  ) {}

  async list(request: PageRequest, failed?: Omit<FailedForm, 'action'>): Promise<string> {
    const { actor } = request;
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.security,
      crumbs: [{ label: PAGE_TITLES.security }],
      section: '/security',
    });
    const contract = frame.contract;
    const notices = contract ? await this.notices.list(actor, contract.id) : [];
    return this.renderer.render('security/security-notices.html', {
      layout: frame.layout,
      contract,
      canIssue: contract ? this.canIssue(actor, contract) : false,
      fields: formFields(
        'notice',
        noticeFields(contract?.settings.systems ?? []),
        failed?.values,
        failed?.errors,
        IssueNoticeDto,
      ),
      notices: notices.map((n) => ({
        ...n,
        source: NOTICE_SOURCE_LABELS[n.source],
        issuedAt: formatDate(n.issuedAt),
        bySeverity: severityCounts(n.tasksBySeverity).filter((c) => c.n > 0),
        byState: stateCounts(n.tasksByState),
      })),
    });
  }

  async issue(sent: FormSending): Promise<ConsoleOutcome> {
    const { page: request, body } = sent;
    const { actor, requestId } = request;
    const frame = await this.frames.frameOf(request, {
      title: PAGE_TITLES.security,
      crumbs: [],
      section: '/security',
    });
    if (!frame.contract) throw new DomainError('not_found', 'console.no_contract_to_notify', {});
    const form = await readForm(
      IssueNoticeDto,
      noticeFields(frame.contract.settings.systems),
      body,
    );
    if (!form.ok) {
      return { kind: 'page', status: 400, html: await this.list(request, form) };
    }
    const notice = await this.notices.issue(actor, frame.contract.id, form.payload, requestId);
    return {
      kind: 'redirect',
      location: `/security/notices/${notice.id}`,
      flash: noticeIssuedFlash(notice.number),
    };
  }

  async notice(
    request: PageRequest,
    id: string,
    failed?: Omit<FailedForm, 'action'>,
  ): Promise<string> {
    const { actor } = request;
    const notice = await this.notices.get(actor, id);
    const frame = await this.frames.frameOf(request, {
      title: notice.number,
      crumbs: [{ href: '/security', label: PAGE_TITLES.security }, { label: notice.number }],
      section: '/security',
    });
    const running = notice.reports.some((r) => isImportRunning(r.status));
    const tasks = await this.tasks.list(actor, notice.contractId, {
      notice: id,
      page: 1,
      pageSize: TASK_PAGE,
    });
    const contract = frame.contract?.id === notice.contractId ? frame.contract : null;
    return this.renderer.render('security/security-notice.html', {
      layout: { ...frame.layout, refresh: running ? REFRESH_SECONDS : null },
      notice: {
        ...notice,
        source: NOTICE_SOURCE_LABELS[notice.source],
        issuedOn: formatDate(notice.issuedAt),
      },
      issuedFrom: issuedFromLabel(notice.lowestIssuedSeverity),
      counts: this.countsOf(notice),
      reports: notice.reports.map((r) => this.reportView(r)),
      running,
      canUpload: contract ? this.canIssue(actor, contract) : false,
      csrf: frame.layout.csrf,
      uploadFields: formFields(
        'report',
        UPLOAD_FIELDS.filter((f) => f.name !== 'retestOf'),
        failed?.values,
        failed?.errors,
        UploadReportDto,
      ),
      uploadError: failed?.errors[FORM_ERROR] ?? failed?.errors.retestOf,
      retest: failed?.values.retestOf === id,
      tasks: tasks.items.map((t) => this.taskView(t)),
      tasksTotal: tasks.total,
      tasksShown: tasks.items.length,
      informational: notice.informational.map((g) => ({
        ...g,
        format: REPORT_FORMAT_LABELS[g.format],
        more: g.assets - g.labels.length,
      })),
    });
  }

  async upload(sent: FormSending, id: string): Promise<ConsoleOutcome> {
    const { page: request, body, file } = sent;
    const { actor, requestId } = request;
    const again = async (failed: Omit<FailedForm, 'action'>): Promise<ConsoleOutcome> => ({
      kind: 'page',
      status: 400,
      html: await this.notice(request, id, failed),
    });
    const form = await readForm(UploadReportDto, UPLOAD_FIELDS, body, file ? 1 : 0);
    if (!form.ok) return again(form);
    try {
      const accepted = await this.imports.upload(actor, id, file, form.payload, requestId);
      return {
        kind: 'redirect',
        location: `/security/notices/${id}`,
        flash: accepted.duplicate
          ? SECURITY_PAGE_WORDS.uploadDuplicate
          : SECURITY_PAGE_WORDS.uploadAccepted,
      };
    } catch (error) {
      const refused = validationRefusal(error, UPLOAD_FIELDS);
      if (!refused) throw error;
      return again({ values: form.values, errors: refused.errors });
    }
  }

  async task(request: PageRequest, id: string, failed?: FailedForm): Promise<string> {
    const { actor } = request;
    const task = await this.remediation.view(actor, id);
    const frame = await this.frames.frameOf(request, {
      title: task.title,
      crumbs: [
        { href: '/security', label: PAGE_TITLES.security },
        { href: `/security/notices/${task.noticeId}`, label: task.noticeNumber },
        { label: task.title },
      ],
      section: '/security',
    });
    const r = task.remediation;
    return this.renderer.render('security/security-task.html', {
      layout: frame.layout,
      task: this.taskView(task),
      lines: task.lines.map((l) => ({
        ...l,
        severity: severityBadge(l.severity),
        state: LINE_STATUS_LABELS[l.state],
        findings: l.findings.map((f) => ({ ...f, severity: severityBadge(f.severity) })),
      })),
      remediation: r && {
        status: REMEDIATION_STATUS_LABELS[r.status],
        deadlines: r.fixDeadlines.map((d) => ({
          round: d.round,
          cause: FIX_CAUSE_LABELS[d.cause],
          dueAt: formatTime(d.dueAt),
          provisional: d.provisional,
          breached: d.breachedAt !== null,
          ended: d.endedAt ? formatTime(d.endedAt) : '',
        })),
        fixes: r.fixes.map((f) => ({ ...f, at: formatTime(f.at) })),
        retests: r.retests.map((t) => ({
          ...t,
          requestedAt: formatTime(t.requestedAt),
          dueAt: formatTime(t.dueAt),
          decidedAt: formatTime(t.decidedAt),
          outcome:
            t.outcome === 'verified'
              ? SECURITY_PAGE_WORDS.retestPassed
              : t.outcome === 'failed'
                ? SECURITY_PAGE_WORDS.retestFailed
                : SECURITY_PAGE_WORDS.retestPending,
        })),
        // Every note a step took (the retest request's, the verification's…), oldest first.
        timeline: remediationTimeline(r).map((e) => ({
          at: formatTime(e.at),
          step: remediationStepLabel(e.step),
          by: e.by?.name ?? '',
          note: e.note,
        })),
      },
      csrf: frame.layout.csrf,
      forms: actionForms(
        task.allowedActions,
        remediationFormsFor(r),
        remediationStepLabel,
        (action) => `/security/tasks/${encodeURIComponent(id)}/actions/${action}`,
        failed,
      ),
    });
  }

  /** One remediation step from the task page, through the kit's console action. */
  act(sent: FormSending, id: string, action: string): Promise<ConsoleOutcome> {
    return consoleAct(
      {
        isAction: isRemediationAction,
        forms: REMEDIATION_ACTION_FORMS,
        run: (ctx, step, payload, uploads) => {
          const p = payload as Record<string, string | undefined> & { assets?: unknown };
          return step === 'fix'
            ? this.remediation.fix(ctx, id, { note: p.note ?? '', assets: assetsOf(p) }, uploads)
            : this.remediation.act(ctx, id, step, remediationPayloadOf(step, p));
        },
        // The proof is the form's own check; the other steps' rules need no file.
        precheck: async (step, values) => {
          if (step === 'fix') return {};
          const r = (await this.remediation.view(sent.page.actor, id)).remediation;
          if (!r) return {};
          const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
          const call = {
            action: step,
            payload: remediationPayloadOf(step, typed),
          } as RemediationActionCall;
          const refused = validateRemediationPayload(r, call, new Date().toISOString());
          return validationRefusal(refused, REMEDIATION_ACTION_FORMS[step].fields)?.errors ?? {};
        },
        page: (failed) => this.task(sent.page, id, failed),
        location: `/security/tasks/${encodeURIComponent(id)}`,
        done: (step) => stepDoneFlash(remediationStepLabel(step)),
      },
      sent,
      action,
    );
  }

  private canIssue(actor: Actor, contract: ContractDto): boolean {
    return (
      contract.myParty === 'hospital' && hasAnyRole({ roles: actor.roles }, NOTICE_ISSUER_ROLES)
    );
  }

  private countsOf(notice: NoticeDetailDto) {
    return {
      tasks: notice.counts.tasks,
      assetLines: notice.counts.assetLines,
      findings: notice.counts.findings,
      informational: notice.counts.informational,
      fixedByRetest: notice.counts.fixedByRetest,
      bySeverity: severityCounts(notice.counts.bySeverity),
      byState: stateCounts(notice.counts.byState),
    };
  }

  private reportView(r: ImportDto) {
    return {
      ...r,
      statusLabel: IMPORT_STATUS_LABELS[r.status],
      running: isImportRunning(r.status),
      refused: r.status === 'refused',
      formatLabel: r.format ? REPORT_FORMAT_LABELS[r.format] : '',
      uploadedAt: formatTime(r.uploadedAt),
    };
  }

  private taskView(t: SecurityTaskDto) {
    return {
      ...t,
      severity: severityBadge(t.severity),
      state: REMEDIATION_STATUS_LABELS[t.state],
      dueAt: formatTime(t.dueAt),
      format: REPORT_FORMAT_LABELS[t.format],
    };
  }
}
