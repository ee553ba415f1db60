import { Injectable } from '@nestjs/common';
import { completionFigures } from '@luyue/security/definitions';
import { type Actor } from '@luyue/domain';
import { SecurityTaskStore } from '@luyue/security';
import { SecurityAccessService } from './security-access.service';
import { buildRectificationReport, type RectificationReport } from './rectification-report.builder';
import { RectificationReportExporter } from './rectification-report.exporter';
import { RemediationService } from './security-task-actions.service';

/** The rectification report of a notice, for its parties only (an outsider gets 404). */
@Injectable()
export class RectificationReportService {
  constructor(
    private readonly access: SecurityAccessService,
    private readonly store: SecurityTaskStore,
    private readonly remediation: RemediationService,
    private readonly exporter: RectificationReportExporter,
  ) {}

  async report(actor: Actor, noticeId: string): Promise<RectificationReport> {
    const { notice } = await this.access.requireNotice(actor, noticeId);
    const [states, stats] = await Promise.all([
      this.store.states(notice.contractId),
      this.remediation.stats(actor, notice.contractId),
    ]);
    // The figures as the stats page has them; a notice with no issued task yet has none.
    const figures =
      stats.notices.find((n) => n.noticeId === notice.id) ?? completionFigures([], () => 0);
    const { id, number, title, source, assessor, system, issuedAt } = notice;
    return buildRectificationReport(
      { id, number, title, source, assessor, system, issuedAt },
      states.filter((s) => s.noticeId === notice.id),
      figures,
      new Date(),
    );
  }

  async xlsx(actor: Actor, noticeId: string): Promise<{ filename: string; content: Buffer }> {
    return this.exporter.export(await this.report(actor, noticeId));
  }
}
