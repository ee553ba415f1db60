import {
  CHECK_RESULT_LABELS,
  DUTY_KIND_LABELS,
  DUTY_SIGN_VIA_LABELS,
  DUTY_SIGNER_LABELS,
  DUTY_STATUS_LABELS,
  dutyStepLabel,
  formatTime,
} from '@luyue/domain';
import type { DutyLinkRecord, DutyOccurrenceRecord } from '@luyue/duty';

/** How people read an occurrence, on its page, its signing link and its printed report. */
export function dutyView(
  d: DutyOccurrenceRecord & { links?: DutyLinkRecord[] },
  filesHref: string,
) {
  const s = d.state;
  const record = s.record;
  return {
    id: d.id,
    number: d.number,
    kind: s.plan.customKind ?? DUTY_KIND_LABELS[s.plan.kind],
    title: s.plan.title,
    systems: s.plan.systems.join('、'),
    windowStart: s.slot.windowStart,
    dueDay: s.slot.dueDay,
    recordDueAt: formatTime(s.slot.recordDueAt),
    provisional: s.slot.provisional,
    status: DUTY_STATUS_LABELS[s.status],
    statusKey: s.status,
    breachedAt: formatTime(s.breachedAt),
    doneAt: formatTime(s.doneAt),
    record: record && {
      summary: record.summary,
      hash: record.hash,
      recordedBy: record.recordedBy.name,
      recordedAt: formatTime(record.recordedAt),
      reportFiles: record.reportFiles.map((f) => ({ ...f, href: `${filesHref}/${f.id}` })),
    },
    items: s.plan.checklist.map((item) => {
      const answer = record?.answers.find((a) => a.key === item.key);
      const link = d.links?.find((l) => l.itemKey === item.key && l.subjectType === 'fault_ticket');
      const request = d.links?.find(
        (l) => l.itemKey === item.key && l.subjectType === 'requirement',
      );
      return {
        ...item,
        result: answer ? CHECK_RESULT_LABELS[answer.result] : '',
        abnormal: answer?.result === 'abnormal',
        note: answer?.note ?? '',
        files: (answer?.files ?? []).map((f) => ({ ...f, href: `${filesHref}/${f.id}` })),
        faultHref: link ? `/fault-tickets/${link.subjectId}` : null,
        requirementHref: request ? `/requirements/${encodeURIComponent(request.subjectId)}` : null,
      };
    }),
    signers: s.plan.signers.map((role) => {
      const signed = s.signatures.find((g) => g.role === role);
      return {
        role: DUTY_SIGNER_LABELS[role],
        by: signed?.by.name ?? '',
        at: formatTime(signed?.at),
        via: signed ? DUTY_SIGN_VIA_LABELS[signed.via] : '',
        hash: signed?.hash ?? '',
        note: signed?.note ?? '',
      };
    }),
    refusal: s.refusal && { ...s.refusal, by: s.refusal.by.name, at: formatTime(s.refusal.at) },
    log: s.log.map((e) => ({
      at: formatTime(e.at),
      step: dutyStepLabel(e.step),
      by: e.by?.name ?? '',
      note: e.note,
    })),
  };
}
