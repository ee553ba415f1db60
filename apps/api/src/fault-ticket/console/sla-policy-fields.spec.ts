import { coverageProblem } from '@luyue/calendar';
import { fieldProblem, validationFailed } from '@luyue/domain';
import { DEFAULT_SLA_POLICY, slaPolicyProblems } from '@luyue/fault-ticket/definitions';
import {
  policyFields,
  policyOfForm,
  policyRefusal,
  policyValues,
  readPolicyForm,
} from './sla-policy-fields';

const refusalOf = (values: Record<string, string>) => {
  const policy = policyOfForm(values, DEFAULT_SLA_POLICY);
  const problems = slaPolicyProblems(policy, coverageProblem).map((p) =>
    fieldProblem(p.field, 'field.sla_policy', { problem: p.problem, detail: p.message }),
  );
  return policyRefusal(validationFailed(problems), values, policyFields(DEFAULT_SLA_POLICY));
};

describe('the SLA policy form', () => {
  it('gives back the policy it was filled from', () => {
    const values = policyValues(DEFAULT_SLA_POLICY);
    expect(values['level_4.recovery.budgetKind']).toBe('end_of_day');
    expect(values['level_4.report.budgetKind']).toBe('off');
    expect(policyOfForm(values, DEFAULT_SLA_POLICY)).toEqual(DEFAULT_SLA_POLICY);
  });

  it('reads warnings in both lists and minutes as whole numbers only', () => {
    const values = {
      ...policyValues(DEFAULT_SLA_POLICY),
      'level_2.response.warnPercent': '60，90',
      'level_2.response.warnMinutes': '5',
      'level_2.response.minutes': '20',
    };
    const clock = policyOfForm(values, DEFAULT_SLA_POLICY).levels.level_2.response;
    expect(clock.budget).toEqual({ minutes: 20 });
    expect(clock.warnings).toEqual([{ percent: 60 }, { percent: 90 }, { minutesBefore: 5 }]);
  });

  it('puts each refused setting beside its own control', () => {
    const refused = refusalOf({
      ...policyValues(DEFAULT_SLA_POLICY),
      'level_1.response.minutes': '1.5',
      'level_2.recovery.warnPercent': '50',
      'level_2.recovery.warnMinutes': 'x',
      'level_3.response.warnPercent': '120',
      'level_3.recovery.budgetKind': 'off',
      'level_4.response.coverage': '',
    });
    expect(Object.keys(refused?.errors ?? {}).sort()).toEqual([
      'level_1.response.minutes',
      'level_2.recovery.warnMinutes',
      'level_3.recovery.budgetKind',
      'level_3.response.warnPercent',
      'level_4.response.coverage',
    ]);
  });

  it('refuses text the database cannot store, keeping the rest as typed', () => {
    const fields = policyFields(DEFAULT_SLA_POLICY);
    const read = readPolicyForm(fields, { 'level_1.response.minutes': '1\u00000' });
    expect(Object.keys(read.errors)).toEqual(['level_1.response.minutes']);
    expect(read.values['level_1.response.minutes']).toBe('10');
  });
});
