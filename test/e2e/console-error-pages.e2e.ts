import request from 'supertest';
import { e2eStack } from '../helpers/e2e-stack';
import { consoleLogin } from '../helpers/e2e-console';

describe('error pages of a logged-in person', () => {
  it('says a missing request in zh-CN inside the normal frame (nav, user, logout)', async () => {
    const pm = await consoleLogin('vendor_pm');
    const page = await pm.get('/requirements/REQ-2099-9999').set('Accept', 'text/html').expect(404);
    expect(page.text).toContain('没有需求 REQ-2099-9999，或您无权查看。');
    expect(page.text).not.toContain('No request');
    expect(page.text).toContain('aria-label="主导航"');
    expect(page.text).toContain('action="/logout"');
  });

  it('says a wrong role in zh-CN, naming the role needed', async () => {
    const clerk = await consoleLogin('hospital_staff');
    const page = await clerk.get('/admin').set('Accept', 'text/html').expect(403);
    expect(page.text).toContain('此页面或操作需要以下角色之一：管理员');
    expect(page.text).not.toContain('This needs');
    expect(page.text).toContain('action="/logout"');
  });

  it('answers /requirements/new for a vendor with the zh-CN 403 page, not a form', async () => {
    const dev = await consoleLogin('vendor_dev');
    const page = await dev.get('/requirements/new').set('Accept', 'text/html').expect(403);
    expect(page.text).toContain('只有本合同甲方（医院）的人员可以提交需求。');
    expect(page.text).not.toContain('method="post" action="/requirements/new"');
    expect(page.text).toContain('action="/logout"');
  });

  it('keeps the bare page for someone not logged in', async () => {
    const page = await request(e2eStack().api)
      .get('/no-such-page')
      .set('Accept', 'text/html')
      .expect(404);
    expect(page.text).not.toContain('action="/logout"');
  });
});
