import { Catch } from '@nestjs/common';
import { AppConfig } from '@luyue/config';
import { CHANGE_REPLY_PURPOSE } from '@luyue/change-request/definitions';
import {
  type LinkTokenPayload,
  PARTY_LABELS,
  REPLY_CHANNEL_LABELS,
  REPLY_DECISION_LABELS,
  formatTime,
  PAGE_TITLES,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { ChangeRequestQueryRepository } from '@luyue/change-request';
import { UsedLinkFilter } from '../../kit/used-link.filter';

/** A reply link opened again after its reply: who replied for the party, when and how. */
@Catch()
export class UsedReplyLinkFilter extends UsedLinkFilter {
  constructor(
    private readonly renderer: TemplateRenderer,
    config: AppConfig,
    private readonly queries: ChangeRequestQueryRepository,
  ) {
    super(renderer, config.LINK_TOKEN_SECRET, CHANGE_REPLY_PURPOSE);
  }

  protected async page(link: LinkTokenPayload): Promise<string | null> {
    const row = await this.queries.find(link.subjectId);
    const reply = row?.state?.replies.find((r) => r.party === link.party);
    if (!row?.state || !reply) return null;
    return this.renderer.render('change-request/change-reply-link-used.html', {
      title: `${PAGE_TITLES.changeReply} ${row.id}`,
      id: row.id,
      changeTitle: row.title,
      partyLabel: PARTY_LABELS[link.party],
      reply: reply.decision
        ? {
            by: reply.by?.name ?? '',
            at: formatTime(reply.at),
            via: reply.via ? REPLY_CHANNEL_LABELS[reply.via] : '',
            decision: REPLY_DECISION_LABELS[reply.decision],
            comment: reply.comment ?? '',
          }
        : null,
    });
  }
}
