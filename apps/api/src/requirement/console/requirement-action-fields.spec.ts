import { formFields, readForm } from '../../console/console-form';
import { REQUIREMENT_ACTION_FORMS } from './requirement-action-fields';

describe('the requirement action forms, read by readForm', () => {
  const assess = REQUIREMENT_ACTION_FORMS.assess;
  const good = {
    kind: 'customization',
    feasibility: 'feasible',
    estimatePersonDays: ' 3.5 ',
    plannedDeliveryDate: '2027-01-15',
    solution: '新增推送服务',
    alternativeSolution: '',
    extra: 'dropped',
  };

  it('converts numbers, leaves out empty optional text and unknown fields', async () => {
    const out = await readForm(assess.dto, assess.fields, good);
    expect(out).toEqual({
      ok: true,
      payload: expect.objectContaining({ estimatePersonDays: 3.5, solution: '新增推送服务' }),
      values: expect.objectContaining({ estimatePersonDays: ' 3.5 ' }),
    });
    if (!out.ok) throw new Error('unreachable');
    expect((out.payload as { alternativeSolution?: string }).alternativeSolution).toBeUndefined();
    expect(out.payload).not.toHaveProperty('extra');
  });

  it('names each bad field in zh-CN and keeps what was typed', async () => {
    const out = await readForm(assess.dto, assess.fields, {
      ...good,
      estimatePersonDays: '三天',
      kind: '',
    });
    expect(out.ok).toBe(false);
    if (out.ok) throw new Error('unreachable');
    expect(out.errors).toEqual({
      estimatePersonDays: '请输入数字（最多两位小数）',
      kind: '请从列表中选择',
    });
    expect(out.values.estimatePersonDays).toBe('三天');
    const shown = formFields('assess', assess.fields, out.values, out.errors);
    expect(shown.find((f) => f.name === 'estimatePersonDays')).toMatchObject({
      id: 'assess-estimatePersonDays',
      value: '三天',
      error: '请输入数字（最多两位小数）',
    });
  });

  it('keeps an empty note where the DTO allows an empty one', async () => {
    const log = REQUIREMENT_ACTION_FORMS['log-effort'];
    const out = await readForm(log.dto, log.fields, {
      date: '2026-11-30',
      personDays: '1',
      note: '',
    });
    expect(out).toEqual({
      ok: true,
      payload: expect.objectContaining({ note: '', personDays: 1 }),
      values: { date: '2026-11-30', personDays: '1', note: '' },
    });
  });
});
