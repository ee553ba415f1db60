import type { AppConfig } from '@luyue/config';
import { applyRemediationAction, initialRemediationState } from '../security-task.reducer';
import { DEFAULT_REMEDIATION_SETTINGS, type RemediationState } from '../security-task.types';
import { type RemediationMail } from '../security-task-mail.plan';
import { type RemediationTransitionInput } from '../security-task-transition.types';
import { TemplateRenderer } from '@luyue/notifications';
import type { NewOutboxMail } from '@luyue/persistence';
import { securityTask, vendorPm } from '../../../../test/fixtures/security-task.fixtures';
import { SecurityTaskActivitiesService } from './security-task.activities';

const ISSUED = '2027-03-01T02:00:00.000Z';
const FIX_DUE = '2027-03-10T15:59:59.999Z';
const RETEST_DUE = '2027-03-17T15:59:59.999Z';

/** The mail the activity renders for a step (its one private renderer, real templates). */
function rendered(action: string, state: RemediationState): NewOutboxMail {
  const service = new SecurityTaskActivitiesService(
    {} as never,
    {} as never,
    new TemplateRenderer(),
    { PUBLIC_BASE_URL: 'https://luyue.example' } as AppConfig,
  );
  const mail: RemediationMail = {
    messageKey: 'k',
    template: 'security-task-notice',
    to: ['it@hospital.example'],
  };
  const input = { action, state, actor: null } as unknown as RemediationTransitionInput;
  return (
    service as unknown as {
      render(m: RemediationMail, i: RemediationTransitionInput): NewOutboxMail;
    }
  ).render(mail, input);
}

describe('security task mails to the hospital about a retest', () => {
  const start = initialRemediationState(securityTask('T-1', ISSUED));
  const fixed: RemediationState = {
    ...start,
    status: 'fixed',
    fixDeadlines: start.fixDeadlines.map((p) => ({ ...p, dueAt: FIX_DUE })),
  };
  const requested = applyRemediationAction(
    fixed,
    { action: 'request-retest', payload: { note: '' } },
    vendorPm,
    '2027-03-05T02:00:00.000Z',
    DEFAULT_REMEDIATION_SETTINGS,
  ).next;
  const waiting = {
    ...requested,
    retests: requested.retests.map((r) => ({ ...r, dueAt: RETEST_DUE })),
  };

  it.each(['request-retest', 'retest_reminder', 'retest_overdue'])(
    '%s names the retest due date, not the fix period',
    (step) => {
      const mail = rendered(step, waiting);
      expect(mail.text).toContain('复验期限：2027-03-17 23:59');
      expect(mail.html).toContain('复验期限');
      expect(mail.text).not.toContain('2027-03-10');
    },
  );

  it('a fix reminder to the vendor names the fix deadline', () => {
    const mail = rendered('fix_reminder', fixed);
    expect(mail.text).toContain('整改期限：2027-03-10 23:59');
  });
});
