import { Catch } from '@nestjs/common';
import { AppConfig } from '@luyue/config';
import { DUTY_TERMS, PAGE_TITLES, zhOf, type LinkTokenPayload } from '@luyue/domain';
import { DUTY_SIGN_PURPOSE } from '@luyue/duty/definitions';
import { DutyQueryRepository } from '@luyue/duty';
import { TemplateRenderer } from '@luyue/notifications';
import { UsedLinkFilter } from '../../kit/used-link.filter';
import { dutyView } from './duty-view';

/** A signing link opened again after it signed: the record as it stands and who signed. */
@Catch()
export class UsedSignLinkFilter extends UsedLinkFilter {
  constructor(
    private readonly renderer: TemplateRenderer,
    config: AppConfig,
    private readonly duties: DutyQueryRepository,
  ) {
    super(renderer, config.LINK_TOKEN_SECRET, DUTY_SIGN_PURPOSE);
  }

  protected async page(link: LinkTokenPayload): Promise<string | null> {
    const duty = await this.duties.find(link.subjectId);
    if (!duty) return null;
    const view = dutyView(duty, '');
    return this.renderer.render('duty/duty-sign-link.html', {
      title: `${PAGE_TITLES.dutySign} ${duty.number}`,
      terms: DUTY_TERMS,
      // Its files are not offered: the link that would fetch them is spent.
      duty: {
        ...view,
        record: view.record && { ...view.record, reportFiles: [] },
        items: view.items.map((item) => ({ ...item, files: [] })),
      },
      recipient: link.recipient,
      flash: zhOf('link.refused', { reason: 'already_used' }),
      canSign: false,
    });
  }
}
