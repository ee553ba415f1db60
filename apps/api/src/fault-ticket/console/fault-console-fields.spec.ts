import { DomainError, validationFailed } from '@luyue/domain';
import type { FaultTicketState } from '@luyue/fault-ticket/definitions';
import { readForm } from '../../console/console-form';
import { ReportFaultDto } from '../dto/fault-ticket.dto';
import { faultFormsFor, faultRefusal, reportFields } from './fault-console-fields';

describe('the fault-ticket forms', () => {
  it('reads a logged call as Shanghai time and leaves an empty one out', async () => {
    const fields = reportFields(['HIS'], true);
    const body = { system: 'HIS', level: 'level_2', title: '挂号失败', reportedAt: '' };
    const now = await readForm(ReportFaultDto, fields, body);
    expect(now.ok && now.payload.reportedAt).toBeUndefined();
    const logged = await readForm(ReportFaultDto, fields, {
      ...body,
      reportedAt: '2026-12-07T09:30',
    });
    expect(logged.ok && logged.payload.reportedAt).toBe('2026-12-07T09:30:00+08:00');
    expect(reportFields(['HIS'], false).map((f) => f.name)).not.toContain('reportedAt');
  });

  it('offers an extension on the running clocks only', () => {
    const state = {
      clocks: [
        { kind: 'response', stoppedAt: '2026-12-07T01:00:00.000Z' },
        { kind: 'recovery', stoppedAt: null },
      ],
    } as unknown as FaultTicketState;
    const clock = faultFormsFor(state)['request-extension'].fields.find((f) => f.name === 'clock');
    expect(clock?.options?.map((o) => o.value)).toEqual(['recovery']);
  });

  it('shows a rule the workflow checked beside its field, other refusals on their page', () => {
    const fields = reportFields(['HIS'], true);
    const refused = faultRefusal(
      validationFailed([{ field: 'files', message: 'the report file is required' }]),
      fields,
    );
    expect(refused?.status).toBe(400);
    expect(Object.keys(refused?.errors ?? {})).toEqual(['files']);
    expect(
      faultRefusal(new DomainError('not_found', 'fault.not_found', { id: 'x' }), fields),
    ).toBeNull();
  });
});
