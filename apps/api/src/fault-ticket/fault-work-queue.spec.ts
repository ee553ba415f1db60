import type { Actor } from '@luyue/domain';
import type { FaultTicketQueueQuery, FaultTicketStore } from '@luyue/fault-ticket';
import { faultSelectionOf, FaultWorkQueue } from './fault-work-queue';

const who = (
  role: 'vendor_pm' | 'hospital_staff' | 'hospital_manager',
): Pick<Actor, 'roles' | 'party'> => ({
  roles: [role],
  party: role.startsWith('vendor') ? 'vendor' : 'hospital',
});

describe('the fault queue of a viewer', () => {
  it('waits on the vendor for the work, never for a side step alone', () => {
    expect(faultSelectionOf(who('vendor_pm'), 'decide')).toEqual({
      scope: 'decide',
      statuses: ['reported', 'acknowledged', 'on_site', 'restored', 'resolved'],
      answers: [],
    });
    expect(faultSelectionOf(who('vendor_pm'), 'optional').statuses).toEqual([]);
  });

  it('waits on the hospital for its signature and for the pause or extension it answers', () => {
    expect(faultSelectionOf(who('hospital_staff'), 'decide')).toEqual({
      scope: 'decide',
      statuses: ['report_submitted'],
      answers: ['pause'],
    });
    expect(faultSelectionOf(who('hospital_manager'), 'decide').answers).toEqual([
      'pause',
      'extension',
    ]);
    // Reopening or correcting the level is his to choose: those tickets are optional for him.
    expect(faultSelectionOf(who('hospital_staff'), 'optional').statuses).toEqual([
      'reported',
      'acknowledged',
      'on_site',
      'restored',
      'resolved',
    ]);
  });
});

describe('the open fault tickets under a calendar change', () => {
  it("names every open ticket's workflow, so a loaded year recomputes its clocks", async () => {
    const store = { openTicketIds: () => Promise.resolve(['t1', 't2']) } as FaultTicketStore;
    const queue = new FaultWorkQueue({} as FaultTicketQueueQuery, store);
    await expect(queue.openWorkflowIds()).resolves.toEqual(['fault-ticket:t1', 'fault-ticket:t2']);
  });
});
