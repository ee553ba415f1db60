import { shanghaiDate } from '@luyue/domain';
import { demoContractId, loginDemo } from '../helpers/e2e-auth';
import { consoleLogin, errorBeside, hidden } from '../helpers/e2e-console';
import { submitRequirement } from '../helpers/e2e-requirements';

describe('console forms offer choices instead of typing', () => {
  it("starts the notice form at today and offers the contract's systems to pick", async () => {
    const manager = await consoleLogin('hospital_manager');
    const page = (await manager.get('/security').expect(200)).text;
    expect(page).toContain(
      `id="notice-issuedAt" name="issuedAt" type="date" value="${shanghaiDate(Date.now())}"`,
    );
    const select = /<select id="notice-system" name="system"[^>]*>([\s\S]*?)<\/select>/.exec(page);
    expect(select?.[1]).toContain('<option value="HIS">HIS</option>');
  });
});

describe('the change form names requests by picking them', () => {
  it("offers the contract's open requests and answers a wrong one about the request", async () => {
    const contractId = await demoContractId();
    const { id } = await submitRequirement(await loginDemo('hospital_staff'), contractId);
    const pm = await consoleLogin('vendor_pm');
    const page = await pm.get('/change-requests/new').expect(200);
    const select = /<select id="new-replanRequirementId"[^>]*>([\s\S]*?)<\/select>/.exec(page.text);
    expect(select?.[1]).toMatch(new RegExp(`<option value="${id as string}">${id as string} `));

    const send = (replanDate = '2099-01-05') =>
      pm
        .post('/change-requests/new')
        .field('_csrf', hidden(page.text, 'propose')._csrf)
        .field('_once', hidden(page.text, 'propose')._once)
        .field('title', '调整交付日期')
        .field('changeType', 'modify')
        .field('description', '顺延')
        .field('impactScope', '无')
        .field('impactSchedule', '顺延 5 天')
        .field('impactCost', '无')
        .field('replanDate', replanDate);
    const malformed = await send().field('replanRequirementId', 'REQ-26-1').expect(400);
    expect(errorBeside(malformed.text, 'new-replanRequirementId')).toBe(
      '请从列表中选择本合同的需求',
    );
    const foreign = await send().field('grantRequirementId', 'REQ-1999-0001').expect(400);
    expect(errorBeside(foreign.text, 'new-grantRequirementId')).toBe(
      '本合同没有这个需求，请从列表中选择',
    );
    expect(foreign.text).toContain('>顺延 5 天</textarea>');
    const dateless = await send('')
      .field('replanRequirementId', id as string)
      .expect(400);
    expect(errorBeside(dateless.text, 'new-replanDate')).toBe('此项必填');
  });
});
