import {
  DEFAULT_CONTRACT_SETTINGS,
  mergeContractSettings,
  withSettingDefaults,
} from './contract-settings.types';

describe('contract settings', () => {
  it('defaults follow the contract rules', () => {
    expect(DEFAULT_CONTRACT_SETTINGS).toMatchObject({
      interfaceQuotaPersonDays: 50,
      assessmentWorkingDays: 3,
      changeReplyWorkingDays: 5,
      retestWorkingDays: 5,
      remediationWorkingDays: { high: 7, medium: 7, low: 7 },
      delayNoticeDays: 7,
    });
  });

  it('merges nested records in part and cleans the systems list', () => {
    const merged = mergeContractSettings(DEFAULT_CONTRACT_SETTINGS, {
      retestWorkingDays: 10,
      remediationWorkingDays: { high: 3 },
      systems: [' HIS ', 'EMR', 'HIS', ''],
    });
    expect(merged.retestWorkingDays).toBe(10);
    expect(merged.remediationWorkingDays).toEqual({ high: 3, medium: 7, low: 7 });
    expect(merged.systems).toEqual(['HIS', 'EMR']);
    expect(DEFAULT_CONTRACT_SETTINGS.remediationWorkingDays.high).toBe(7);
  });

  it('ignores fields given as undefined', () => {
    const merged = mergeContractSettings(DEFAULT_CONTRACT_SETTINGS, {
      retestWorkingDays: undefined,
    });
    expect(merged.retestWorkingDays).toBe(5);
  });

  it('refuses a reminder that would come after its deadline, and non-integers', () => {
    expect(() =>
      mergeContractSettings(DEFAULT_CONTRACT_SETTINGS, {
        reminderLeadWorkingDays: { assessment: 3 },
      }),
    ).toThrow(/reminderLeadWorkingDays.assessment must be shorter than its period \(3\)/);
    expect(() =>
      mergeContractSettings(DEFAULT_CONTRACT_SETTINGS, { assessmentWorkingDays: 2.5 }),
    ).toThrow(/assessmentWorkingDays must be a whole number/);
  });
});

describe('stored settings', () => {
  it('fill in settings added after the contract was stored', () => {
    const stored = { interfaceQuotaPersonDays: 80, remediationWorkingDays: { high: 2 } };
    const full = withSettingDefaults(stored as never);
    expect(full.interfaceQuotaPersonDays).toBe(80);
    expect(full.remediationWorkingDays).toEqual({ high: 2, medium: 7, low: 7 });
    expect(full.reminderLeadWorkingDays).toEqual(DEFAULT_CONTRACT_SETTINGS.reminderLeadWorkingDays);
    expect(full.systems).toEqual([]);
  });
});
