import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@luyue/config';
import {
  auditActorOf,
  changeHeadline,
  CHANGE_EFFECT_LABELS,
  CHANGE_REPLY_PURPOSE,
  EFFECT_OUTCOME_LABELS,
  CHANGE_STATUS_LABELS,
  CHANGE_TYPE_LABELS,
  PARTY_LABELS,
  REPLY_DECISION_LABELS,
  type AuditActor,
  type ChangeMail,
  type ChangeTransitionInput,
} from '@luyue/domain';
import { LinkTokenService, TemplateRenderer } from '@luyue/notifications';
import {
  AuditEventRepository,
  ChangeRequestStore,
  LinkTokenRepository,
  OutboxRepository,
  TransactionRunner,
  type NewOutboxMail,
} from '@luyue/persistence';
import type { ChangeRequestActivities } from '@luyue/temporal/definitions';

const SYSTEM: AuditActor = {
  actorType: 'system',
  actorId: 'change-request-workflow',
  actorEmail: null,
  party: null,
};

// A link that outlives the deadline is refused anyway; this bounds one without a deadline.
const FALLBACK_LINK_MS = 14 * 86_400_000;

/**
 * Activities of the change-request workflow. `persistChangeTransition` is the one write path:
 * one transaction keyed by (changeRequestId, transitionSeq), with the audit event, the breach
 * of a silent party, the reply link marked used, and the mail (reply links issued in it).
 */
@Injectable()
export class ChangeRequestActivitiesService implements Omit<
  ChangeRequestActivities,
  'applyChangeEffect'
> {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly store: ChangeRequestStore,
    private readonly audit: AuditEventRepository,
    private readonly outbox: OutboxRepository,
    private readonly links: LinkTokenService,
    private readonly linkRows: LinkTokenRepository,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  async persistChangeTransition(input: ChangeTransitionInput): Promise<void> {
    await this.tx.run((m) => this.write(m, input));
  }

  private async write(m: EntityManager, input: ChangeTransitionInput): Promise<void> {
    if (!(await this.store.insertTransition(m, input))) return;
    const { state, transitionSeq: seq } = input;
    await this.store.saveProjection(m, state);
    if (input.action === 'lapsed') {
      for (const party of state.silentParties) {
        const dueAt = state.replies.find((r) => r.party === party)?.dueAt ?? state.updatedAt;
        await this.store.appendBreach(m, state, seq, party, dueAt);
      }
    }
    if (input.action === 'reply' && input.payload.linkJti) {
      await this.linkRows.consume(m, input.payload.linkJti);
    }
    await this.audit.append(m, {
      ...(input.actor ? auditActorOf(input.actor) : SYSTEM),
      action: `change_request.${input.action}`,
      subjectType: 'change_request',
      subjectId: state.changeRequestId,
      contractId: input.contractId,
      summary: {
        before: { status: input.fromStatus },
        after: { status: input.toStatus },
        payload: input.payload,
      },
      requestId: input.requestId,
      workflowId: input.workflowId,
    });
    for (const mail of input.mails) await this.outbox.enqueue(m, await this.render(m, mail, input));
  }

  private async render(
    m: EntityManager,
    mail: ChangeMail,
    input: ChangeTransitionInput,
  ): Promise<NewOutboxMail> {
    const { state } = input;
    const common = {
      headline: changeHeadline(input.action, state, input.replyWorkingDays),
      change: state,
      changeType: CHANGE_TYPE_LABELS[state.changeType],
      status: CHANGE_STATUS_LABELS[state.status],
      actorName: input.actor?.name ?? null,
      proposer: `${PARTY_LABELS[state.proposedBy.party]} ${state.proposedBy.name}`,
    };
    let rendered;
    if (mail.link) {
      const reply = state.replies.find((r) => r.party === mail.link!.party)!;
      const token = await this.links.issue(
        {
          purpose: CHANGE_REPLY_PURPOSE,
          subjectType: 'change_request',
          subjectId: state.changeRequestId,
          party: mail.link.party,
          recipient: mail.link.recipient,
          contractId: state.contractId,
          expiresAt: new Date(
            reply.dueAt ? Date.parse(reply.dueAt) : Date.parse(input.at) + FALLBACK_LINK_MS,
          ),
        },
        m,
      );
      rendered = this.renderer.renderMail(mail.template, {
        ...common,
        dueAt: reply.dueAt,
        provisional: reply.provisional,
        partyLabel: PARTY_LABELS[mail.link.party],
        link: `${this.config.PUBLIC_BASE_URL}/change-replies/${token}`,
      });
    } else {
      rendered = this.renderer.renderMail(mail.template, {
        ...common,
        replies: state.replies
          .filter((r) => r.decision !== null)
          .map((r) => ({
            party: PARTY_LABELS[r.party],
            decision: REPLY_DECISION_LABELS[r.decision!],
          })),
        effects:
          input.action === 'effects_applied'
            ? (state.effectResults ?? []).map((r) => ({
                label: CHANGE_EFFECT_LABELS[r.effect.type],
                outcome: EFFECT_OUTCOME_LABELS[r.outcome],
                message: r.message,
              }))
            : [],
        link: `${this.config.PUBLIC_BASE_URL}/change-requests/${encodeURIComponent(state.changeRequestId)}`,
      });
    }
    return {
      messageKey: mail.messageKey,
      recipients: mail.to,
      template: mail.template,
      ...rendered,
    };
  }
}
