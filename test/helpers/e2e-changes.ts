// Change requests through the HTTP API and the mail sink, for the change-request e2e files.
import type { ChangeRequestDto } from '../../apps/api/src/change-request/dto/change-request.dto';
import { api } from './e2e-auth';
import { eventually, receivedMail, type SinkMail } from './e2e-stack';

let counter = 0;

export async function proposeChange(
  auth: string,
  contractId: string,
  over: Record<string, unknown> = {},
): Promise<ChangeRequestDto> {
  counter += 1;
  const res = await api()
    .post(`/api/contracts/${contractId}/change-requests`)
    .set('Authorization', auth)
    .send({
      title: `门诊自助机增加医保电子凭证支付 #${counter} ${Date.now()}`,
      description: '在门诊自助机上增加医保电子凭证扫码支付。',
      changeType: 'add',
      impact: { scope: '门诊自助机', schedule: '顺延 10 个工作日', cost: '不增加费用' },
      ...over,
    });
  if (res.status !== 201)
    throw new Error(`propose answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as ChangeRequestDto;
}

export async function getChange(auth: string, id: string): Promise<ChangeRequestDto> {
  const res = await api().get(`/api/change-requests/${id}`).set('Authorization', auth).expect(200);
  return res.body as ChangeRequestDto;
}

/** The reply-link mails about change `id` to `to`, waited for (bounded). */
export async function replyLinkMails(to: string, id: string, count = 1): Promise<SinkMail[]> {
  const read = async () =>
    (await receivedMail(to)).filter(
      (m) => m.subject.includes(id) && (m.links ?? []).some((l) => l.includes('/change-replies/')),
    );
  return eventually(read, (mails) => mails.length >= count, 15_000);
}

/** The path of the reply link in a mail (`/change-replies/<token>`). */
export function replyLinkOf(mail: SinkMail): string {
  const link = (mail.links ?? []).find((l) => l.includes('/change-replies/'));
  if (!link) throw new Error(`no reply link in "${mail.subject}"`);
  return new URL(link).pathname;
}
