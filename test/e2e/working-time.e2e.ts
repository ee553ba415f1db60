import { api } from '../helpers/e2e-auth';

const workingTime = (query: Record<string, string | number>) =>
  api().get('/api/calendar/working-time').query(query);

function expectFieldRefused(
  body: { error: { code: string; fields: Array<{ field: string; message: string }> } },
  field: string,
): void {
  expect(body.error.code).toBe('validation_failed');
  // Only the bad parameter is named (NaN breaks each of minutes' three rules at once).
  expect([...new Set(body.error.fields.map((f) => f.field))]).toEqual([field]);
}

describe('GET /api/calendar/working-time on the real stack', () => {
  it('is public and due on the 调休 Sunday 2025-09-28 10:30 for Friday 16:00 + 4 h 工作时间', async () => {
    const res = await workingTime({ from: '2025-09-26T16:00:00+08:00', minutes: 240 }).expect(200);
    expect(res.body).toEqual({ due: '2025-09-28T10:30:00.000+08:00', provisional: false });
  });

  it('skips 国庆 2025: Tuesday 09-30 17:00 + 4 h is due Thursday 10-09 11:30', async () => {
    const res = await workingTime({
      from: '2025-09-30T09:00:00Z',
      minutes: 240,
      days: 'working',
      segments: '08:00-12:00,13:30-17:30',
    }).expect(200);
    expect(res.body).toEqual({ due: '2025-10-09T11:30:00.000+08:00', provisional: false });
  });

  it('counts 7×24 across midnight and a holiday', async () => {
    const res = await workingTime({
      from: '2025-10-01T23:55:00+08:00',
      minutes: 10,
      days: 'all',
      segments: '00:00-24:00',
    }).expect(200);
    expect(res.body).toEqual({ due: '2025-10-02T00:05:00.000+08:00', provisional: false });
  });

  it('marks an answer from a year without an official schedule provisional', async () => {
    const res = await workingTime({ from: '2093-03-02T09:00:00+08:00', minutes: 60 }).expect(200);
    expect(res.body).toEqual({ due: '2093-03-02T10:00:00.000+08:00', provisional: true });
  });

  it.each([
    ['from', { from: 'next friday', minutes: 240 }],
    ['from', { from: '2100-01-01T10:00:00+08:00', minutes: 240 }],
    ['minutes', { from: '2025-09-26T16:00:00+08:00', minutes: 'four hours' }],
    ['minutes', { from: '2025-09-26T16:00:00+08:00', minutes: -1 }],
    ['minutes', { from: '2025-09-26T16:00:00+08:00', minutes: 527041 }],
    ['days', { from: '2025-09-26T16:00:00+08:00', minutes: 240, days: 'weekends' }],
    ['segments', { from: '2025-09-26T16:00:00+08:00', minutes: 240, segments: '8-12' }],
    ['segments', { from: '2025-09-26T16:00:00+08:00', minutes: 240, segments: '24:00-24:00' }],
    [
      'segments',
      { from: '2025-09-26T16:00:00+08:00', minutes: 1, segments: '13:30-17:30,08:00-12:00' },
    ],
    ['segments', { from: '2025-09-26T16:00:00+08:00', minutes: 1, segments: '12:00-08:00' }],
  ])('refuses a bad %s with a 400 naming it', async (field, query) => {
    const res = await workingTime(query).expect(400);
    expectFieldRefused(res.body, field);
  });

  it('answers the largest budget from the last day of the data without a 5xx', async () => {
    await workingTime({ from: '2099-12-31T16:00:00+08:00', minutes: 527040 }).expect(400);
    const res = await workingTime({
      from: '2099-12-31T16:00:00+08:00',
      minutes: 527040,
      days: 'all',
      segments: '00:00-24:00',
    }).expect(200);
    expect(res.body).toEqual({ due: '2101-01-01T16:00:00.000+08:00', provisional: false });
  });
});
