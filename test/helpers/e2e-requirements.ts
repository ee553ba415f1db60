// Customization requests through the HTTP API, for the requirement e2e files.
import type { Test } from 'supertest';
import { addCalendarDays, shanghaiDate } from '@luyue/domain';
import { type RequirementAction } from '@luyue/requirement/definitions';
import { api } from './e2e-auth';
import { eventually, receivedMail, type SinkMail } from './e2e-stack';

/** Today and later dates in Asia/Shanghai, as the workflow validates them. */
export const today = (): string => shanghaiDate(Date.now());
export const daysFromToday = (days: number): string => addCalendarDays(today(), days);

let counter = 0;

/** Submits a request as `auth` and expects 201; answers the request as the api returns it. */
export async function submitRequirement(
  auth: string,
  contractId: string,
  over: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  counter += 1;
  const res = await api()
    .post(`/api/contracts/${contractId}/requirements`)
    .set('Authorization', auth)
    .send({
      title: `检验报告推送到公众号 #${counter} ${Date.now()}`,
      description: '检验科出具报告后，患者在医院公众号收到推送并可查看报告。',
      system: 'LIS',
      priority: 'normal',
      ...over,
    });
  if (res.status !== 201) {
    throw new Error(`submit answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body as Record<string, any>;
}

export function act(auth: string, id: string, action: RequirementAction, payload: object): Test {
  return api()
    .post(`/api/requirements/${id}/actions/${action}`)
    .set('Authorization', auth)
    .send(payload);
}

export function getRequirement(auth: string, id: string): Test {
  return api().get(`/api/requirements/${id}`).set('Authorization', auth);
}

export const assessment = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'customization',
  feasibility: 'feasible',
  estimatePersonDays: 3,
  plannedDeliveryDate: daysFromToday(30),
  solution: '在 LIS 报告审核后调用公众号模板消息接口推送。',
  ...over,
});

/** Mail to `to` about request `id` whose subject contains `headline`, waited for (bounded). */
export async function mailAbout(to: string, id: string, headline: string): Promise<SinkMail[]> {
  const read = async () =>
    (await receivedMail(to)).filter((m) => m.subject.includes(id) && m.subject.includes(headline));
  return eventually(read, (mails) => mails.length > 0, 15_000);
}

/** How many mails about request `id` the sink holds, to anyone. */
export async function mailCount(id: string): Promise<number> {
  return (await receivedMail()).filter((m) => m.subject.includes(id)).length;
}
