import { shanghaiDate } from '@luyue/domain';
import { consoleLogin } from '../helpers/e2e-console';

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
