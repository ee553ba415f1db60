import { SUBMITTED } from '../../../test/fixtures/requirement.fixtures';
import { requirementMails, requirementTemplate } from './requirement-mail.plan';

describe('requirement mail plan', () => {
  it('mails everyone concerned but the actor, once per address, keyed by the write', () => {
    const mails = requirementMails(
      'submit-for-testing',
      SUBMITTED,
      6,
      {
        ...SUBMITTED.notify,
        hospital_manager: ['manager@hospital.example', 'STAFF@hospital.example'],
      },
      'dev@vendor.example',
    );
    expect(mails).toEqual([
      {
        messageKey: 'REQ-2026-0001:6:requirement-submit-for-testing',
        template: 'requirement-submit-for-testing',
        to: ['staff@hospital.example', 'manager@hospital.example'],
      },
    ]);
  });

  it('leaves the actor out and sends nothing when nobody is left', () => {
    const mails = requirementMails(
      'start-development',
      SUBMITTED,
      3,
      SUBMITTED.notify,
      'Staff@Hospital.example',
    );
    expect(mails).toEqual([]);
    expect(requirementMails('log-effort', SUBMITTED, 4, SUBMITTED.notify, null)).toEqual([]);
  });

  it('escalates a breached assessment to the hospital manager and the vendor PM', () => {
    expect(
      requirementMails('assessment_breached', SUBMITTED, 2, SUBMITTED.notify, null)[0],
    ).toMatchObject({
      template: 'requirement-assessment-breached',
      to: ['manager@hospital.example', 'pm@vendor.example'],
    });
    expect(requirementTemplate('signoff_reminder')).toBe('requirement-signoff-reminder');
  });
});
