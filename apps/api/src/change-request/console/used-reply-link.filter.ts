import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '@luyue/config';
import { CHANGE_REPLY_PURPOSE } from '@luyue/change-request/definitions';
import {
  DomainError,
  PARTY_LABELS,
  REPLY_CHANNEL_LABELS,
  REPLY_DECISION_LABELS,
  formatTime,
  PAGE_TITLES,
} from '@luyue/domain';
import { decodeLinkToken, TemplateRenderer } from '@luyue/notifications';
import { ChangeRequestQueryRepository } from '@luyue/change-request';
import { DomainErrorFilter } from '../../common/domain-error.filter';

/**
 * A reply link opened again after its reply (a replay, refused and audited by the guard) gets
 * the link page's answer in zh-CN: who replied for the party, when and how, instead of a bare
 * 410. Only a genuinely signed link of this purpose gets it; every other error is answered as
 * everywhere else.
 */
@Catch()
export class UsedReplyLinkFilter implements ExceptionFilter {
  private readonly fallback: DomainErrorFilter;

  constructor(
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
    private readonly queries: ChangeRequestQueryRepository,
  ) {
    this.fallback = new DomainErrorFilter(renderer);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const used =
      exception instanceof DomainError &&
      exception.code === 'token_invalid' &&
      exception.details?.reason === 'already_used';
    if (!used) return this.fallback.catch(exception, host);
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    this.page(String(req.params.token ?? '')).then(
      (html) => {
        if (html) res.status(410).type('html').send(html);
        else this.fallback.catch(exception, host);
      },
      () => this.fallback.catch(exception, host),
    );
  }

  private async page(token: string): Promise<string | null> {
    const decoded = decodeLinkToken(token, this.config.LINK_TOKEN_SECRET);
    if (!decoded.ok || decoded.payload.purpose !== CHANGE_REPLY_PURPOSE) return null;
    const link = decoded.payload;
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
