import { TemplateRenderer } from './template.renderer';

describe('TemplateRenderer', () => {
  const renderer = new TemplateRenderer();

  it('renders the zh-CN reminder with the deadline in Asia/Shanghai', () => {
    const mail = renderer.renderMail('deadline-reminder', {
      subject: 'REQ-2026-0001 技术评估',
      deadline: '2026-10-10T15:59:59.999Z',
      provisional: false,
      link: 'http://localhost:3000/x?a=1&b=2',
    });
    expect(mail.subject).toBe('【履约提醒】REQ-2026-0001 技术评估 将于 2026-10-10 23:59 到期');
    expect(mail.html).toContain('<strong>2026-10-10 23:59</strong>');
    expect(mail.html).toContain('href="http://localhost:3000/x?a&#x3D;1&amp;b&#x3D;2"');
    expect(mail.text).toContain('查看事项：http://localhost:3000/x?a=1&b=2');
  });

  it('escapes html in values', () => {
    const mail = renderer.renderMail('deadline-breached', {
      subject: '<script>x</script>',
      deadline: '2026-10-10T15:59:59.999Z',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});
