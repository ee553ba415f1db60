import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@luyue/config';
import { changeHeadline } from '../change-request.process';
import {
  CHANGE_EFFECT_LABELS,
  EFFECT_OUTCOME_LABELS,
  CHANGE_STATUS_LABELS,
  CHANGE_TYPE_LABELS,
  REPLY_DECISION_LABELS,
  PARTY_LABELS,
} from '@luyue/domain';
import { CHANGE_REPLY_PURPOSE } from '../change-request.types';
import { type ChangeMail } from '../change-request-mail.plan';
import { type ChangeTransitionInput } from '../change-request-transition.types';
import { LinkTokenService, TemplateRenderer } from '@luyue/notifications';
import { ChangeRequestStore, CHANGE_REQUEST_TRANSITION_TABLE } from '../store/change-request.store';
import {
  LinkTokenRepository,
  outboxMailOf,
  TransitionWriter,
  type NewOutboxMail,
  type TransitionProcess,
} from '@luyue/persistence';
import type { ChangeRequestActivities } from '../change-request.activity-types';

const CHANGE_REQUEST_PROCESS: TransitionProcess = {
  table: CHANGE_REQUEST_TRANSITION_TABLE,
  subjectType: 'change_request',
  systemActorId: 'change-request-workflow',
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
    private readonly writer: TransitionWriter,
    private readonly store: ChangeRequestStore,
    private readonly links: LinkTokenService,
    private readonly linkRows: LinkTokenRepository,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
  ) {}

  async persistChangeTransition(input: ChangeTransitionInput): Promise<void> {
    const { state, transitionSeq: seq } = input;
    await this.writer.persistStep(CHANGE_REQUEST_PROCESS, state.changeRequestId, input, {
      apply: async (m) => {
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
      },
      mails: async (m) => {
        const mails: NewOutboxMail[] = [];
        for (const mail of input.mails) mails.push(await this.render(m, mail, input));
        return mails;
      },
    });
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
    return outboxMailOf(mail, rendered);
  }
}
