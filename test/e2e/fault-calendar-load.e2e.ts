// An open fault ticket's clock that runs into a year without an official schedule is provisional;
// loading that year's official schedule over the API moves its due instant on the real stack.
import { api, operator } from '../helpers/e2e-auth';
import { consoleContract } from '../helpers/e2e-console';
import { eventually } from '../helpers/e2e-stack';

interface Clock {
  kind: string;
  dueAt: string;
  provisional: boolean;
}
const DAY = 86_400_000;
const WORKING_HOURS = '08:00-12:00,13:30-17:30';
// Next year is the first without an official schedule (the shipped data ends with this one); a
// clock reaching into it counts provisionally. The aim is a Tuesday; the test's official schedule
// keeps 元旦 and makes the week before the aim holidays.
const AIM = Date.parse('2027-01-19T10:00:00+08:00');
const OFFICIAL_2027 = {
  holidays: ['2027-01-01', '2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'],
  workdays: [],
};

const dueAfter = async (from: string, minutes: number) =>
  (
    await api()
      .get('/api/calendar/working-time')
      .query({ from, minutes, days: 'working', segments: WORKING_HOURS })
      .expect(200)
  ).body as { due: string; provisional: boolean };

/** The budget in working minutes from `from` that falls due at the aimed instant (or just after). */
async function budgetReaching(from: string): Promise<number> {
  let [low, high] = [1, 525_600];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (Date.parse((await dueAfter(from, mid)).due) < AIM) low = mid + 1;
    else high = mid;
  }
  return low;
}

describe('a loaded calendar year and an open fault ticket', () => {
  it('moves a provisional clock when the official schedule of its year is loaded', async () => {
    const { contractId, token } = await consoleContract(['hospital_manager'] as const);
    const manager = token.hospital_manager;
    await api()
      .patch(`/api/contracts/${contractId}/settings`)
      .set('Authorization', operator())
      .send({ systems: ['HIS'] })
      .expect(200);
    const policy = (
      await api().get(`/api/contracts/${contractId}/sla-policy`).set('Authorization', manager)
    ).body.policy;
    // A few seconds pass before the report; the clock is due within minutes of the aim.
    policy.levels.level_3.recovery.budget = {
      minutes: await budgetReaching(new Date().toISOString()),
    };
    await api()
      .put(`/api/contracts/${contractId}/sla-policy`)
      .set('Authorization', manager)
      .send(policy)
      .expect(200);
    const reported = await api()
      .post(`/api/contracts/${contractId}/fault-tickets`)
      .set('Authorization', manager)
      .send({ system: 'HIS', level: 'level_3', title: '检验系统报告延迟' })
      .expect(201);
    const id = reported.body.id as string;
    const recovery = async () =>
      (
        await api().get(`/api/fault-tickets/${id}`).set('Authorization', manager).expect(200)
      ).body.state.clocks.find((c: Clock) => c.kind === 'recovery') as Clock;
    const before = await recovery();
    expect(before.provisional).toBe(true);
    expect(Math.abs(Date.parse(before.dueAt) - AIM)).toBeLessThan(DAY);

    const loaded = await api()
      .put('/api/calendar/years/2027')
      .set('Authorization', operator())
      .send(OFFICIAL_2027)
      .expect(200);
    expect(loaded.body.recomputing).toBeGreaterThanOrEqual(1);

    const after = await eventually(recovery, (c) => !c.provisional);
    expect(after.provisional).toBe(false);
    // Five working days freed before the due day: the same hour a week later.
    expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBe(7 * DAY);
    const lookup = await dueAfter(
      reported.body.reportedAt,
      policy.levels.level_3.recovery.budget.minutes,
    );
    expect([Date.parse(lookup.due), lookup.provisional]).toEqual([Date.parse(after.dueAt), false]);
  });
});
