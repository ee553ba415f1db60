// 工作台 as queues on a contract of its own: 61 requests waiting for the vendor PM (written
// straight into PostgreSQL with the real activity), and one imported scan's tasks.
import { consoleContract, type ConsoleAgent } from '../helpers/e2e-console';
import { issuedTasks, WEAK_PASSWORD_TASKS } from '../helpers/e2e-security';
import {
  RequirementDriver,
  daysFromNow,
  openRequirementDb,
  type RequirementDb,
} from '../helpers/requirement-db.fixture';

const WAITING = 61;
let db: RequirementDb;
let pm: ConsoleAgent;
let manager: ConsoleAgent;
let tokens: Record<'vendor_pm' | 'hospital_manager', string>;
let contractId: string;
const ids: string[] = [];

/** The item rows of the queue's table (links to a request or task). */
const rows = (html: string): string[] =>
  [...html.matchAll(/<tr[^>]*><td><a href="(\/(?:requirements|security\/tasks)\/[^"]+)"/g)].map(
    (m) => m[1],
  );

/** A page's html with the entities handlebars writes in links decoded. */
const html = async (agent: ConsoleAgent, path: string): Promise<string> =>
  (await agent.get(path).expect(200)).text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

beforeAll(async () => {
  const made = await consoleContract(['vendor_pm', 'hospital_manager'] as const);
  ({ contractId } = made);
  pm = made.console.vendor_pm;
  manager = made.console.hospital_manager;
  tokens = made.token;
  db = await openRequirementDb();
  // Assessment due 1..61 days from now: the first is the earliest.
  for (let i = 0; i < WAITING; i++) {
    const id = await db.allocate(2095);
    await new RequirementDriver(db, id, contractId, 1, daysFromNow(-1)).submit(daysFromNow(i + 1));
    ids.push(id);
  }
});

afterAll(() => db.ds.destroy());

describe('工作台 as queues', () => {
  it('pages the waiting requests 50 a page, earliest deadline first', async () => {
    const first = await html(pm, '/?queue=requirement');
    expect(first).toContain(`共 ${WAITING} 条，第 1/2 页`);
    expect(rows(first)).toEqual(ids.slice(0, 50).map((id) => `/requirements/${id}`));
    expect(first).toContain('href="/?queue=requirement&page=2"');
    const second = await html(pm, '/?queue=requirement&page=2');
    expect(rows(second)).toEqual(ids.slice(50).map((id) => `/requirements/${id}`));
  });

  it('sorts by the latest deadline when asked, and filters by working days left', async () => {
    const latest = await html(pm, '/?queue=requirement&order=desc');
    expect(rows(latest)[0]).toBe(`/requirements/${ids[WAITING - 1]}`);
    const soon = await html(pm, '/?queue=requirement&within=2');
    expect(rows(soon).length).toBeGreaterThanOrEqual(1);
    expect(rows(soon).length).toBeLessThanOrEqual(4);
    const overdue = await html(pm, '/?queue=requirement&overdue=1');
    expect(rows(overdue)).toEqual([]);
  });

  it('counts what waits for the viewer in the nav badge', async () => {
    const home = await html(pm, '/requirements');
    expect(home).toMatch(new RegExp(`class="nav-badge"[^>]*>${WAITING}</span>`));
  });

  it("keeps the manager's optional cancel out of 待我处理 and lists it under 可选操作", async () => {
    const waiting = await html(manager, '/?queue=requirement');
    expect(rows(waiting)).toEqual([]);
    expect(waiting).not.toContain('class="nav-badge"');
    expect(waiting).toMatch(
      new RegExp(`scope=optional"[^>]*>需求 <strong class="count">${WAITING}</strong>`),
    );
    const optional = await html(manager, '/?queue=requirement&scope=optional');
    expect(optional).toContain(`共 ${WAITING} 条`);
    expect(rows(optional)).toHaveLength(50);
  });

  it('groups security tasks by notice, each row opening the notice’s tasks', async () => {
    const tasks = await issuedTasks(tokens.hospital_manager, tokens.vendor_pm, contractId);
    const grouped = await html(pm, '/?queue=security');
    const group = /<tr><td><a href="([^"]+)">AQZG-[^<]+<\/a><\/td><td>(\d+)<\/td>/.exec(grouped);
    expect(group?.[2]).toBe(String(WEAK_PASSWORD_TASKS));
    expect(rows(grouped)).toEqual([]);
    const listed = await html(pm, group![1]);
    expect(rows(listed).sort()).toEqual(tasks.map((t) => `/security/tasks/${t}`).sort());
  });
});
