/** Finding severities of security assessments. */
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Per-contract periods and quotas; the defaults are the contract rules of DESIGN.md. */
export interface ContractSettings {
  /** Free new-interface development per contract year (rule 2: at least 50). */
  interfaceQuotaPersonDays: number;
  /** Technical assessment of a request (rule 1: 3 working days). */
  assessmentWorkingDays: number;
  /** Each party's written reply to a change request (rule 3: 5 working days). */
  changeReplyWorkingDays: number;
  /** The hospital's retest once the vendor asks for it: reminded, never a vendor breach. */
  retestWorkingDays: number;
  /**
   * The vendor's fix-and-request-retest period by severity (rule 4: a security rectification is
   * retested within 7 working days; critical counts as high, informational as low).
   */
  remediationWorkingDays: Record<Severity, number>;
  /** Calendar days before a planned delivery by which a delay must be announced (rule 1). */
  delayNoticeDays: number;
  /** Working days before each deadline at which a reminder goes out. */
  reminderLeadWorkingDays: ReminderLeads;
  /** The maintained systems (HIS, EMR, …) requests can be about. */
  systems: string[];
}

export interface ReminderLeads {
  assessment: number;
  changeReply: number;
  retest: number;
  remediation: number;
}

export const DEFAULT_CONTRACT_SETTINGS: ContractSettings = {
  interfaceQuotaPersonDays: 50,
  assessmentWorkingDays: 3,
  changeReplyWorkingDays: 5,
  retestWorkingDays: 5,
  remediationWorkingDays: { high: 7, medium: 7, low: 7 },
  delayNoticeDays: 7,
  reminderLeadWorkingDays: { assessment: 1, changeReply: 2, retest: 2, remediation: 2 },
  systems: [],
};

/** A partial update as sent by an admin; nested records may be given in part. */
export type ContractSettingsPatch = Partial<
  Omit<ContractSettings, 'remediationWorkingDays' | 'reminderLeadWorkingDays'>
> & {
  remediationWorkingDays?: Partial<Record<Severity, number>>;
  reminderLeadWorkingDays?: Partial<ReminderLeads>;
};

/** Applies a patch over current settings (or the defaults); returns a new object. */
export function mergeContractSettings(
  current: ContractSettings,
  patch: ContractSettingsPatch,
): ContractSettings {
  const merged = mergedSettings(current, patch);
  const problems = contractSettingsProblems(merged);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  return merged;
}

/** The patch over current settings, unchecked: callers check it with contractSettingsProblems. */
export function mergedSettings(
  current: ContractSettings,
  patch: ContractSettingsPatch,
): ContractSettings {
  return {
    ...current,
    ...stripUndefined(patch),
    remediationWorkingDays: {
      ...current.remediationWorkingDays,
      ...stripUndefined(patch.remediationWorkingDays ?? {}),
    },
    reminderLeadWorkingDays: {
      ...current.reminderLeadWorkingDays,
      ...stripUndefined(patch.reminderLeadWorkingDays ?? {}),
    },
    systems: patch.systems ? normalizeSystems(patch.systems) : [...current.systems],
  };
}

/**
 * The setting a problem of contractSettingsProblems is about: its leading field, a reminder
 * lead being reported against the period it must stay shorter than.
 */
export function settingOfProblem(problem: string): string {
  const field = problem.split(' ')[0];
  const lead = /^reminderLeadWorkingDays\.(\w+)$/.exec(field)?.[1];
  return lead ? `${lead}WorkingDays` : field;
}

/** Trimmed, non-empty, without duplicates, in the order given. */
export function normalizeSystems(systems: readonly string[]): string[] {
  return [...new Set(systems.map((s) => s.trim()).filter((s) => s.length > 0))];
}

/** Each reminder must come before its deadline and every period must be a whole number. */
export function contractSettingsProblems(s: ContractSettings): string[] {
  const problems: string[] = [];
  const whole = (field: string, value: number, min: number, max: number): void => {
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${field} must be a whole number from ${min} to ${max}`);
    }
  };
  whole('interfaceQuotaPersonDays', s.interfaceQuotaPersonDays, 0, 10000);
  whole('assessmentWorkingDays', s.assessmentWorkingDays, 1, 366);
  whole('changeReplyWorkingDays', s.changeReplyWorkingDays, 1, 366);
  whole('retestWorkingDays', s.retestWorkingDays, 1, 366);
  whole('delayNoticeDays', s.delayNoticeDays, 0, 366);
  for (const severity of SEVERITIES) {
    whole(`remediationWorkingDays.${severity}`, s.remediationWorkingDays[severity], 1, 366);
  }
  const leads: Array<[keyof ReminderLeads, number]> = [
    ['assessment', s.assessmentWorkingDays],
    ['changeReply', s.changeReplyWorkingDays],
    ['retest', s.retestWorkingDays],
    ['remediation', Math.min(...SEVERITIES.map((sev) => s.remediationWorkingDays[sev]))],
  ];
  for (const [name, period] of leads) {
    const lead = s.reminderLeadWorkingDays[name];
    whole(`reminderLeadWorkingDays.${name}`, lead, 0, 366);
    if (Number.isInteger(lead) && lead >= period && lead > 0) {
      problems.push(`reminderLeadWorkingDays.${name} must be shorter than its period (${period})`);
    }
  }
  if (s.systems.some((name) => name.length > 100)) {
    problems.push('systems names must be at most 100 characters');
  }
  return problems;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Stored settings completed with today's defaults, so a setting added later has a value. */
export function withSettingDefaults(stored: Partial<ContractSettings>): ContractSettings {
  const d = DEFAULT_CONTRACT_SETTINGS;
  return {
    ...d,
    ...stored,
    remediationWorkingDays: { ...d.remediationWorkingDays, ...stored.remediationWorkingDays },
    reminderLeadWorkingDays: { ...d.reminderLeadWorkingDays, ...stored.reminderLeadWorkingDays },
    systems: [...(stored.systems ?? d.systems)],
  };
}
