import type { Party } from '@luyue/domain';
import { recipientsOf } from '@luyue/domain';
import { changeStep, type ChangeStep } from './change-request.process';
import { pendingReplies } from './change-request.rules';
import { DECIDING_ROLE, type ChangeNotify, type ChangeRequestState } from './change-request.types';

/** A mail the persisting activity renders and queues; `link` asks for a personal reply link. */
export interface ChangeMail {
  messageKey: string;
  template: string;
  to: string[];
  link: { party: Party; recipient: string } | null;
}

export function changeTemplate(step: ChangeStep): string {
  return `change-request-${step.replace(/_/g, '-')}`;
}

/**
 * The mail of one persisted write (`seq`). Deciding users of parties still to reply get one
 * message each with their own link (only `parties` when given, e.g. a reminder's); everyone
 * else the process table names gets one shared message, except the person who acted.
 */
export function changeMails(
  step: ChangeStep,
  state: Pick<ChangeRequestState, 'changeRequestId' | 'proposedBy' | 'replies'>,
  seq: number,
  notify: ChangeNotify,
  actorEmail: string | null,
  parties?: readonly Party[],
): ChangeMail[] {
  const rule = changeStep(step);
  const base = `${state.changeRequestId}:${seq}`;
  const mails: ChangeMail[] = [];
  if (rule.notify.includes('pending_deciders')) {
    for (const { party } of pendingReplies(state)) {
      if (parties && !parties.includes(party)) continue;
      for (const recipient of recipientsOf([DECIDING_ROLE[party]], (r) => notify[r] ?? [], null)) {
        mails.push({
          messageKey: `${base}:${changeTemplate(step)}:${recipient.toLowerCase()}`,
          template: 'change-request-reply-link',
          to: [recipient],
          link: { party, recipient },
        });
      }
    }
  }
  const shared = recipientsOf(
    rule.notify.filter((r) => r !== 'pending_deciders'),
    (r) => (r === 'proposer' ? [state.proposedBy.email] : (notify[r] ?? [])),
    actorEmail,
  );
  if (shared.length > 0) {
    mails.push({
      messageKey: `${base}:${changeTemplate(step)}`,
      template: 'change-request-notice',
      to: shared,
      link: null,
    });
  }
  return mails;
}
