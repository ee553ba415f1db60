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

describe('the form-fields partial', () => {
  const renderer = new TemplateRenderer();
  const render = (context: Record<string, unknown>) =>
    renderer.render('partials/form-fields', context);

  it('sums up every error at the top, each linking to its field, the form’s own first', () => {
    const html = render({
      formError: '请先完成整改',
      fields: [
        { id: 'fix-note', name: 'note', label: '整改说明', type: 'textarea', error: '必填' },
        { id: 'fix-files', name: 'files', label: '证明材料', type: 'file', error: '请选择文件' },
        { id: 'fix-x', name: 'x', label: '其他', type: 'text' },
      ],
    });
    const summary = html.slice(html.indexOf('role="alert"'), html.indexOf('</ul>'));
    expect([...summary.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1])).toEqual([
      '请先完成整改',
      '<a href="#fix-note">整改说明：必填</a>',
      '<a href="#fix-files">证明材料：请选择文件</a>',
    ]);
    expect(html).toContain('<p class="field-error" id="fix-files-error">请选择文件</p>');
  });

  it('shows no summary on a fresh form', () => {
    const html = render({ fields: [{ id: 'a', name: 'a', label: 'A', type: 'text' }] });
    expect(html).not.toContain('role="alert"');
  });
});
