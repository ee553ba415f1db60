import { fieldProblemsOf, fieldProblemZh, remediationStepLabel } from '@luyue/domain';
import {
  manager,
  proofFile,
  securityTask,
  staff,
  vendorDev,
  vendorPm,
} from '../../../test/fixtures/security-task.fixtures';
import { ROLE_PARTY } from '@luyue/domain';
import { remediationMails, noticeIssuedMails } from './security-task-mail.plan';
import { REMEDIATION_PROCESS } from './security-task.process';
import { initialRemediationState } from './security-task.reducer';
import {
  allowedRemediationActions,
  checkRemediationAction,
  checkRetestImport,
  validateRemediationPayload,
} from './security-task.rules';
import {
  REMEDIATION_ACTIONS,
  REMEDIATION_STATUSES,
  type RemediationState,
  type RemediationStatus,
} from './security-task.types';

const NOW = '2027-03-01T02:00:00.000Z';
const task = (over: Partial<RemediationState> = {}): RemediationState => ({
  ...initialRemediationState(securityTask('T-1', NOW)),
  ...over,
});

describe('remediation process table', () => {
  it('lets only vendor roles take vendor steps and only hospital roles decide', () => {
    const vendorSteps = ['start', 'fix', 'request-retest', 'propose-false-positive'];
    for (const action of REMEDIATION_ACTIONS) {
      const parties = new Set(REMEDIATION_PROCESS.actions[action].roles.map((r) => ROLE_PARTY[r]));
      expect([action, [...parties]]).toEqual([
        action,
        vendorSteps.includes(action) ? ['vendor'] : ['hospital'],
      ]);
    }
    expect(REMEDIATION_PROCESS.actions['accept-risk'].roles).toEqual(['hospital_manager']);
    expect(REMEDIATION_PROCESS.actions['confirm-false-positive'].roles).toEqual([
      'hospital_manager',
    ]);
  });

  it('offers no action in a final state and some action in every other', () => {
    const open = (s: RemediationStatus) => allowedRemediationActions(task({ status: s }));
    for (const status of REMEDIATION_STATUSES) {
      const final = status === 'verified' || status === 'false_positive';
      // risk_accepted ends by its expiry timer, not by an action.
      if (status === 'risk_accepted') expect(open(status)).toEqual([]);
      else expect([status, open(status).length > 0]).toEqual([status, !final]);
    }
  });

  it('names audited steps in zh-CN', () => {
    expect(remediationStepLabel('fail-retest')).toBe('复验未通过');
    expect(remediationStepLabel('fix_breached')).toBe('整改超期');
    expect(remediationStepLabel('unknown_step')).toBe('unknown_step');
  });
});

describe('checkRemediationAction', () => {
  it('refuses a vendor verifying with 403 whatever the state', () => {
    for (const status of ['retest_requested', 'open'] as const) {
      const error = checkRemediationAction(task({ status }), 'verify', vendorPm);
      expect([error?.code, error?.details?.allowedRoles]).toEqual([
        'forbidden',
        ['hospital_manager', 'hospital_staff'],
      ]);
    }
    expect(checkRemediationAction(task({ status: 'retest_requested' }), 'verify', staff)).toBe(
      null,
    );
  });

  it('refuses accepting a high, critical or medium risk with 409 naming the severity', () => {
    for (const severity of ['critical', 'high', 'medium'] as const) {
      const error = checkRemediationAction(task({ severity }), 'accept-risk', manager);
      expect(error?.code).toBe('conflict');
      expect(error?.details).toMatchObject({ severity, acceptableSeverities: ['low', 'info'] });
      expect(error?.message).toContain(severity);
    }
    for (const severity of ['low', 'info'] as const) {
      expect(checkRemediationAction(task({ severity }), 'accept-risk', manager)).toBe(null);
    }
    expect(checkRemediationAction(task({ severity: 'low' }), 'accept-risk', staff)?.code).toBe(
      'forbidden',
    );
  });

  it('refuses a wrong state with 409 and the actions possible in it', () => {
    const error = checkRemediationAction(task(), 'request-retest', vendorDev);
    expect(error?.code).toBe('invalid_state');
    expect(error?.details).toMatchObject({
      currentStatus: 'open',
      allowedActions: ['start', 'fix', 'propose-false-positive'],
    });
  });

  it('lists what each person may do', () => {
    expect(allowedRemediationActions(task({ severity: 'info' }), manager)).toEqual(['accept-risk']);
    expect(allowedRemediationActions(task(), manager)).toEqual([]);
    expect(allowedRemediationActions(task({ status: 'fixed' }), vendorPm)).toEqual([
      'request-retest',
    ]);
  });
});

describe('validateRemediationPayload', () => {
  const fields = (error: ReturnType<typeof validateRemediationPayload>) =>
    (error?.details?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field);

  it('requires a note and at least one proof file to fix, on known lines', () => {
    const s = task();
    expect(
      fields(
        validateRemediationPayload(s, { action: 'fix', payload: { note: ' ', proof: [] } }, NOW),
      ),
    ).toEqual(['note', 'proof']);
    const unknown = validateRemediationPayload(
      s,
      { action: 'fix', payload: { note: '已禁用 CBC', proof: [proofFile], assets: ['L9'] } },
      NOW,
    );
    expect(unknown?.message).toContain('L9 is not a line of this task');
    expect(
      validateRemediationPayload(
        s,
        { action: 'fix', payload: { note: '已禁用 CBC', proof: [proofFile], assets: ['L1'] } },
        NOW,
      ),
    ).toBe(null);
  });

  it('words every problem from the catalogue, so a zh-CN form has no English inside', () => {
    const refused = validateRemediationPayload(
      task(),
      { action: 'fix', payload: { note: ' ', proof: [], assets: ['L9'] } },
      NOW,
    );
    expect(fieldProblemsOf(refused!).map(fieldProblemZh)).toEqual([
      '此项必填',
      '请上传至少一个证明文件',
      '所选资产不属于本任务，请刷新页面后重新选择',
    ]);
  });

  it('verifies only lines that were fixed', () => {
    const s = task({
      status: 'retest_requested',
      lines: task().lines.map((l, i) => ({ ...l, status: i === 0 ? 'fixed' : 'open' })),
    });
    const open = validateRemediationPayload(
      s,
      { action: 'verify', payload: { note: '', assets: ['L2'] } },
      NOW,
    );
    expect(open?.message).toContain('10.0.0.2:22/tcp is open');
    expect(
      fields(validateRemediationPayload(s, { action: 'verify', payload: { note: '' } }, NOW)),
    ).toEqual(['assets']);
    expect(
      validateRemediationPayload(
        s,
        { action: 'verify', payload: { note: '', assets: ['L1'] } },
        NOW,
      ),
    ).toBe(null);
  });

  it('wants a reason and a future expiry date to accept a risk', () => {
    const accept = (expiresOn: string, reason = '内网隔离，影响可控') =>
      validateRemediationPayload(
        task(),
        { action: 'accept-risk', payload: { reason, expiresOn } },
        NOW,
      );
    expect(fields(accept('2027-03-01'))).toEqual(['expiresOn']);
    expect(fields(accept('2027-02-30'))).toEqual(['expiresOn']);
    expect(fields(accept('2027-06-30', ''))).toEqual(['reason']);
    expect(accept('2027-03-02')).toBe(null);
  });

  it('wants a reason to fail a retest, propose or refuse a false positive', () => {
    for (const action of [
      'fail-retest',
      'propose-false-positive',
      'refuse-false-positive',
    ] as const) {
      const error = validateRemediationPayload(task(), { action, payload: { reason: '' } }, NOW);
      expect([action, fields(error)]).toEqual([action, ['reason']]);
    }
  });
});

describe('checkRetestImport', () => {
  it('refuses a final task and an unknown line without a label', () => {
    expect(
      checkRetestImport(task({ status: 'verified' }), { importId: 'I1', lines: [] })?.code,
    ).toBe('invalid_state');
    const unknown = checkRetestImport(task(), {
      importId: 'I1',
      lines: [{ lineId: 'L9', present: false }],
    });
    expect(unknown?.code).toBe('validation_failed');
    expect(
      checkRetestImport(task(), {
        importId: 'I1',
        lines: [{ lineId: 'L9', label: '10.0.0.9:22/tcp', present: true }],
      }),
    ).toBe(null);
  });
});

describe('remediation mail plan', () => {
  const input = securityTask('T-1', NOW);

  it('sends one mail per step to the roles the table names, without the actor', () => {
    const mails = remediationMails('request-retest', task(), 4, input.notify, vendorPm.email);
    expect(mails).toEqual([
      {
        messageKey: 'T-1:4:security-task-request-retest',
        template: 'security-task-notice',
        to: [manager.email, staff.email],
      },
    ]);
    expect(remediationMails('verify', task(), 5, input.notify, manager.email)[0].to).toEqual([
      vendorPm.email,
      vendorDev.email,
    ]);
    expect(remediationMails('issued', task(), 1, input.notify, null)).toEqual([]);
  });

  it('sends one mail per import of a notice, keyed by the notice and the import', () => {
    expect(noticeIssuedMails('N-1', 'I-1', input.notify, manager.email)).toEqual([
      {
        messageKey: 'N-1:I-1:security-task-notice-issued',
        template: 'security-notice',
        to: [vendorPm.email, vendorDev.email],
      },
    ]);
    // A retest import's new tasks get their own mail.
    const retest = noticeIssuedMails('N-1', 'I-2', input.notify, null)[0];
    expect(retest.messageKey).toBe('N-1:I-2:security-task-notice-issued');
  });
});
