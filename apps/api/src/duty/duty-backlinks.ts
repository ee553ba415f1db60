import { Injectable } from '@nestjs/common';
import { dutyBacklinkLabel } from '@luyue/domain';
import { DutyQueryRepository } from '@luyue/duty';
import type { BacklinkSource, LinkedSubject } from '../kit/process-registry';

/** The duties whose abnormal item opened a fault ticket or a request, for that item's page. */
@Injectable()
export class DutyBacklinks implements BacklinkSource {
  constructor(private readonly duties: DutyQueryRepository) {}

  async linksTo(subject: LinkedSubject) {
    const found = await this.duties.linkedTo(subject.type, subject.id);
    return found.map((d) => ({
      href: `/duties/${d.id}`,
      label: dutyBacklinkLabel(d.number, d.title),
    }));
  }
}
