import { actorRefOf } from '@luyue/domain';
import type { Actor } from '@luyue/domain';
import { changeMails } from './change-request-mail.plan';
import { applyChangeAction, initialChangeState, replyOutcome } from './change-request.reducer';
import {
  allowedChangeActions,
  checkChangeAction,
  checkWithdrawer,
  validateChangePayload,
} from './change-request.rules';
import { nextChangeTimer, withReminderSent, withReplySchedule } from './change-request.timers';
import type { ChangeRequestInput } from './change-request.types';

const person = (role: Actor['roles'][number], party: Actor['party'], email: string): Actor => ({
  kind: 'user',
  userId: `u-${role}`,
  email,
  name: role,
  organizationId: `org-${party}`,
  party,
  roles: [role],
});
const manager = person('hospital_manager', 'hospital', 'manager@h.example');
const staff = person('hospital_staff', 'hospital', 'staff@h.example');
const pm = person('vendor_pm', 'vendor', 'pm@v.example');
const dev = person('vendor_dev', 'vendor', 'dev@v.example');
const supervisor = person('supervisor', 'supervisor', 'sup@s.example');

const input = (by: Actor = manager): ChangeRequestInput => ({
  changeRequestId: 'CHG-2026-0001',
  contractId: 'c1',
  contractYear: 1,
  title: 't',
  description: 'd',
  changeType: 'modify',
  impact: { scope: 's', schedule: 's', cost: 'c' },
  effects: [],
  attachments: [],
  proposedBy: { ...actorRefOf(by), party: by.party!, roles: by.roles },
  proposedAt: '2026-12-01T02:00:00.000Z',
  settings: { replyWorkingDays: 5, reminderLeadWorkingDays: [2, 1] },
  notify: {
    hospital_manager: [manager.email, 'deputy@h.example'],
    vendor_pm: [pm.email],
    supervisor: [supervisor.email],
  },
});

const reply = (decision: 'agree' | 'disagree', comment = '') => ({
  action: 'reply' as const,
  payload: { decision, comment, via: 'console' as const },
});

describe('change-request rules', () => {
  it('asks the two parties other than the proposer, and only their deciding roles may reply', () => {
    const s = initialChangeState(input(pm));
    expect(s.replies.map((r) => r.party)).toEqual(['hospital', 'supervisor']);
    expect(checkChangeAction(s, 'reply', manager)).toBeNull();
    expect(checkChangeAction(s, 'reply', staff)?.code).toBe('forbidden');
    expect(checkChangeAction(s, 'reply', dev)?.code).toBe('forbidden');
    expect(checkChangeAction(s, 'reply', pm)?.code).toBe('invalid_state');
    expect(allowedChangeActions(s, pm)).toEqual(['withdraw']);
    expect(allowedChangeActions(s, supervisor)).toEqual(['reply']);
  });

  it('lets only the proposing user withdraw, not a colleague of the same party', () => {
    const s = initialChangeState(input(manager));
    const colleague: Actor = { ...manager, userId: 'u-deputy', name: '副院长' };
    expect(checkWithdrawer(s, 'withdraw', manager)).toBeNull();
    expect(checkWithdrawer(s, 'withdraw', colleague)?.code).toBe('forbidden');
    expect(checkWithdrawer(s, 'reply', colleague)).toBeNull();
    expect(allowedChangeActions(s, manager)).toEqual(['withdraw']);
    expect(allowedChangeActions(s, colleague)).toEqual([]);
    expect(allowedChangeActions(s, { ...staff, userId: 'u-other-staff' })).toEqual([]);
  });

  it('lets a party answer once; one disagreement rejects, all agreeing makes it agreed', () => {
    const s0 = initialChangeState(input());
    const s1 = applyChangeAction(s0, reply('agree'), pm, '2026-12-01T03:00:00.000Z').next;
    expect(replyOutcome(s1)).toBeNull();
    expect(checkChangeAction(s1, 'reply', pm)?.details).toMatchObject({
      party: 'vendor',
      decision: 'agree',
      repliedBy: 'vendor_pm',
    });
    const agreed = applyChangeAction(s1, reply('agree'), supervisor, '2026-12-01T04:00:00.000Z');
    expect(replyOutcome(agreed.next)).toBe('agreed');
    const rejected = applyChangeAction(
      s0,
      reply('disagree', '不同意'),
      supervisor,
      '2026-12-01T04:00:00.000Z',
    );
    expect(replyOutcome(rejected.next)).toBe('rejected');
  });

  it('needs a comment to disagree, a reason to withdraw and a document to archive', () => {
    expect(validateChangePayload(reply('disagree', '  '))?.details?.fields).toEqual([
      { field: 'comment', message: 'is required when disagreeing' },
    ]);
    expect(validateChangePayload(reply('agree'))).toBeNull();
    expect(validateChangePayload({ action: 'withdraw', payload: { reason: '' } })?.code).toBe(
      'validation_failed',
    );
    expect(
      validateChangePayload({ action: 'archive', payload: { note: '', documents: [] } })?.details
        ?.fields,
    ).toEqual([expect.objectContaining({ field: 'documents' })]);
  });

  it('mails each deciding user of a waiting party its own link, and the rest one shared mail', () => {
    const s = initialChangeState(input(pm));
    const mails = changeMails('replies_requested', s, 1, input(pm).notify, null);
    expect(mails.map((m) => [m.to, m.link?.party ?? null])).toEqual([
      [[manager.email], 'hospital'],
      [['deputy@h.example'], 'hospital'],
      [[supervisor.email], 'supervisor'],
    ]);
    expect(new Set(mails.map((m) => m.messageKey)).size).toBe(3);
    const agreedMail = changeMails('agreed', s, 5, input(pm).notify, null);
    expect(agreedMail).toHaveLength(1);
    expect(agreedMail[0].to.sort()).toEqual(
      [manager.email, 'deputy@h.example', pm.email, supervisor.email].sort(),
    );
  });

  it('reminds before the deadline, then lapses just after it; a settled party waits for nothing', () => {
    const due = '2026-12-08T15:59:59.999Z';
    const reminders = ['2026-12-04T01:00:00.000Z', '2026-12-07T01:00:00.000Z'];
    let s = withReplySchedule(
      initialChangeState(input()),
      ['vendor', 'supervisor'],
      { dueAt: due, reminderAts: reminders, provisional: false },
      '2026-12-01T02:00:00.000Z',
    );
    expect(nextChangeTimer(s)).toEqual({
      timer: 'reply_reminder',
      at: reminders[0],
      parties: ['vendor', 'supervisor'],
    });
    s = withReminderSent(s, ['vendor', 'supervisor'], reminders[0]);
    s = withReminderSent(s, ['vendor', 'supervisor'], reminders[1]);
    expect(nextChangeTimer(s)).toEqual({
      timer: 'lapsed',
      at: '2026-12-08T16:00:00.000Z',
      parties: ['vendor', 'supervisor'],
    });
    s = applyChangeAction(s, reply('agree'), pm, '2026-12-08T01:00:00.000Z').next;
    expect(nextChangeTimer(s)?.parties).toEqual(['supervisor']);
  });
});
