import type { ProcessTable } from './process-table.types';
import { queueStatuses } from './process.rules';

const rule = (roles: ['hospital_manager'] | ['vendor_pm'], from: string[], optional?: true) => ({
  roles,
  from,
  to: null,
  notify: [],
  label: '',
  headline: '',
  ...(optional ? { optional } : {}),
});

const TABLE: ProcessTable<string, 'approve' | 'cancel' | 'fix', never, string> = {
  order: ['approve', 'cancel', 'fix'],
  actions: {
    approve: rule(['hospital_manager'], ['waiting']),
    cancel: rule(['hospital_manager'], ['waiting', 'working'], true),
    fix: rule(['vendor_pm'], ['working']),
  },
  events: {},
};

describe('queueStatuses', () => {
  it('puts a state where the viewer only has optional steps apart from the ones waiting for him', () => {
    const manager = { roles: ['hospital_manager'] as const, party: 'hospital' as const };
    expect(queueStatuses(TABLE, { ...manager, roles: [...manager.roles] })).toEqual({
      decide: ['waiting'],
      optional: ['working'],
    });
  });

  it('gives a viewer without steps an empty queue', () => {
    expect(queueStatuses(TABLE, { roles: ['supervisor'], party: 'supervisor' })).toEqual({
      decide: [],
      optional: [],
    });
  });
});
