import { defaultAssessmentTemplate } from '@luyue/assessment/definitions';
import { templateOfForm, templateValues } from './assessment-template-form';

describe('the assessment template form', () => {
  it('reads back the template it shows, windows as Shanghai lines', () => {
    const t = defaultAssessmentTemplate();
    t.indicators[1].enabled = false;
    t.availability = {
      manualPercent: 99.8,
      manualNote: 'monitoring.xlsx',
      maintenanceWindows: [
        { from: '2026-03-01T14:00:00.000Z', to: '2026-03-01T18:00:00.000Z', note: 'upgrade' },
      ],
    };
    const values = templateValues(t);
    expect(values.maintenanceWindows).toBe('2026-03-01 22:00 2026-03-02 02:00 upgrade');
    const read = templateOfForm(values).template!;
    expect(read.indicators).toEqual(t.indicators);
    expect(read.availability.manualPercent).toBe(99.8);
    expect(read.availability.maintenanceWindows.map((w) => Date.parse(w.from))).toEqual([
      Date.parse('2026-03-01T14:00:00Z'),
    ]);
  });

  it('names an unreadable window line and an empty target reads as a number refused later', () => {
    expect(templateOfForm({ maintenanceWindows: 'tomorrow' }).errors).toHaveProperty(
      'maintenanceWindows',
    );
    expect(templateOfForm({}).template!.indicators[0].target).toBeNaN();
  });
});
