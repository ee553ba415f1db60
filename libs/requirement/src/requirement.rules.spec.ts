import { requirementStepLabel } from '@luyue/domain';
import { actorWith, stateIn } from '../../../test/fixtures/requirement.fixtures';
import { ROLES } from '@luyue/domain';
import { REQUIREMENT_PROCESS } from './requirement.process';
import { allowedActions, checkAction, REQUIREMENT_TRANSITIONS } from './requirement.rules';
import { REQUIREMENT_ACTIONS, type RequirementStatus } from './requirement.types';

describe('requirement transition rules', () => {
  const cases = REQUIREMENT_ACTIONS.flatMap((action) =>
    ROLES.map(
      (role) => [action, role, REQUIREMENT_TRANSITIONS[action].roles.includes(role)] as const,
    ),
  );

  it.each(cases)('%s by %s: allowed %s (in a state it applies to)', (action, role, allowed) => {
    const state = stateIn(REQUIREMENT_TRANSITIONS[action].from[0]);
    const error = checkAction(state, action, actorWith(role));
    if (allowed) expect(error).toBeNull();
    else expect(error).toMatchObject({ code: 'forbidden', details: { action } });
  });

  it('follows issue 4 for who may do what', () => {
    expect(REQUIREMENT_TRANSITIONS.assess.roles).toEqual(['vendor_pm']);
    expect(REQUIREMENT_TRANSITIONS.approve.roles).toEqual(['hospital_manager']);
    expect(REQUIREMENT_TRANSITIONS['log-effort'].roles).toEqual(['vendor_pm', 'vendor_dev']);
    expect(REQUIREMENT_TRANSITIONS['pass-testing'].roles).toEqual([
      'hospital_staff',
      'hospital_manager',
    ]);
    expect(REQUIREMENT_TRANSITIONS.accept).toMatchObject({
      from: ['released'],
      roles: ['hospital_manager'],
      to: 'accepted',
    });
  });

  it('refuses a role held for another party (the api scopes the actor to the contract)', () => {
    const state = stateIn('awaiting_approval');
    const vendorClaimingManager = actorWith('hospital_manager', { party: 'vendor' });
    expect(checkAction(state, 'approve', vendorClaimingManager)?.code).toBe('forbidden');
    const notAParty = actorWith('hospital_manager', { party: null });
    expect(checkAction(state, 'approve', notAParty)?.code).toBe('forbidden');
  });

  it('refuses a wrong state with the current state and the actions possible in it', () => {
    const error = checkAction(stateIn('assessing'), 'approve', actorWith('hospital_manager'));
    expect(error).toMatchObject({
      code: 'invalid_state',
      message: 'REQ-2026-0001 is assessing: approve is not possible now',
      details: {
        action: 'approve',
        currentStatus: 'assessing',
        allowedActions: ['assess', 'cancel'],
      },
    });
  });

  it('checks the role before the state: a vendor never learns it could not approve "now"', () => {
    expect(checkAction(stateIn('assessing'), 'approve', actorWith('vendor_pm'))?.code).toBe(
      'forbidden',
    );
  });

  it('allows cancelling only before the release', () => {
    const manager = actorWith('hospital_manager');
    for (const status of ['assessing', 'approved', 'in_testing', 'testing_passed'] as const) {
      expect(checkAction(stateIn(status), 'cancel', manager)).toBeNull();
    }
    expect(checkAction(stateIn('released'), 'cancel', manager)).toMatchObject({
      code: 'invalid_state',
      message: 'REQ-2026-0001 is released: it can be accepted, not cancelled',
      details: { allowedActions: ['accept'] },
    });
  });

  it.each<[RequirementStatus, string[]]>([
    ['assessing', ['assess', 'cancel']],
    ['awaiting_approval', ['approve', 'reject', 'cancel']],
    ['approved', ['reject', 'start-development', 'replan', 'cancel']],
    ['in_development', ['log-effort', 'submit-for-testing', 'replan', 'cancel']],
    ['in_testing', ['log-effort', 'pass-testing', 'fail-testing', 'replan', 'cancel']],
    ['testing_passed', ['release', 'replan', 'cancel']],
    ['released', ['accept']],
    ['accepted', []],
    ['rejected', []],
    ['cancelled', []],
  ])('in %s anyone together may %j', (status, actions) => {
    expect(allowedActions({ status })).toEqual(actions);
  });

  it('narrows the allowed actions to the actor', () => {
    expect(allowedActions({ status: 'in_testing' }, actorWith('vendor_dev'))).toEqual([
      'log-effort',
    ]);
    expect(allowedActions({ status: 'in_testing' }, actorWith('hospital_staff'))).toEqual([
      'pass-testing',
      'fail-testing',
    ]);
    expect(allowedActions({ status: 'in_testing' }, actorWith('supervisor'))).toEqual([]);
    expect(allowedActions({ status: 'approved' }, actorWith('admin'))).toEqual([]);
  });
});

describe('the requirement process table', () => {
  it('lists every action once in its order, each with zh-CN wording', () => {
    expect([...REQUIREMENT_PROCESS.order].sort()).toEqual([...REQUIREMENT_ACTIONS].sort());
    for (const action of REQUIREMENT_ACTIONS) {
      expect(REQUIREMENT_PROCESS.actions[action].label).toMatch(/\p{Script=Han}/u);
      expect(REQUIREMENT_PROCESS.actions[action].headline).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names audited steps in zh-CN, and leaves unknown ones as they are', () => {
    expect(requirementStepLabel('submitted')).toBe('提交需求');
    expect(requirementStepLabel('approve')).toBe('批准');
    expect(requirementStepLabel('signoff_reminder')).toBe('验收提醒');
    expect(requirementStepLabel('requirement.unknown')).toBe('requirement.unknown');
  });
});
