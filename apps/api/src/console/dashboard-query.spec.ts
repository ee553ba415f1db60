import { dashboardHref, dashboardQueryOf } from './dashboard-query';

describe('dashboardQueryOf', () => {
  it('falls back to the defaults for values it does not understand', () => {
    const q = dashboardQueryOf({ scope: 'all', page: '-1', within: '999', order: 'x' });
    expect(q).toMatchObject({ scope: 'decide', page: 1, within: null, order: 'asc' });
  });

  it('reads the filters, the scope and the page', () => {
    const q = dashboardQueryOf({ queue: 'security', scope: 'optional', within: '3', page: '2' });
    expect(q).toMatchObject({ queue: 'security', scope: 'optional', within: 3, page: 2 });
  });
});

describe('dashboardHref', () => {
  it('keeps the filters and leaves the defaults out of the link', () => {
    const q = dashboardQueryOf({ queue: 'requirement', overdue: '1' });
    expect(dashboardHref(q, { page: 2 })).toBe('/?queue=requirement&overdue=1&page=2');
    expect(dashboardHref(dashboardQueryOf({}))).toBe('/');
  });
});
