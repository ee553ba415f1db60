import { formFields, readForm } from './console-form';
import { ContractSettingsPatchDto } from '../contracts/dto/contract-settings.dto';
import { CreateUserDto, ResetPasswordDto } from '../identity/dto/user.dto';
import { RESET_PASSWORD_FIELDS, newUserFields, SETTINGS_FIELDS } from './admin-fields';

describe('readForm', () => {
  it('refuses an unticked confirmation beside its box, with the other problems at once', async () => {
    const out = await readForm(ResetPasswordDto, RESET_PASSWORD_FIELDS, { password: 'short' });
    expect(out).toMatchObject({
      ok: false,
      errors: { password: '至少 10 个字符', confirm: '请勾选确认后再提交' },
    });
    const ticked = await readForm(ResetPasswordDto, RESET_PASSWORD_FIELDS, { confirm: 'yes' });
    expect(ticked.ok).toBe(true);
  });

  const orgs = [{ value: '00000000-0000-4000-8000-000000000001', label: '医院' }];

  it('reads checked boxes as a list and shows them checked again', async () => {
    const fields = newUserFields(orgs);
    const body = {
      email: 'not-an-email',
      name: '',
      organizationId: orgs[0].value,
      roles: ['hospital_staff', 'admin'],
      password: 'short',
    };
    const out = await readForm(CreateUserDto, fields, body);
    if (out.ok) throw new Error('expected a refusal');
    expect(out.errors).toEqual({
      email: '请输入有效的邮箱地址',
      name: '此项必填',
      password: '至少 10 个字符',
    });
    const shown = formFields('user', fields, out.values, out.errors);
    const roles = shown.find((f) => f.name === 'roles')!.options as unknown as Array<{
      value: string;
      selected: boolean;
    }>;
    expect(roles.filter((o) => o.selected).map((o) => o.value)).toEqual([
      'hospital_staff',
      'admin',
    ]);
    // What was typed is shown again, but never a password.
    expect(shown.find((f) => f.name === 'email')!.value).toBe('not-an-email');
    expect(shown.find((f) => f.name === 'password')!.value).toBe('');
  });

  it('asks for at least one role when none is checked, and takes a single one as a list', async () => {
    const fields = newUserFields(orgs);
    const base = { email: 'a@b.example', name: '李雷', organizationId: orgs[0].value };
    const none = await readForm(CreateUserDto, fields, base);
    expect(none.ok ? {} : none.errors).toEqual({ roles: '请至少选择一项' });
    const one = await readForm(CreateUserDto, fields, { ...base, roles: 'vendor_pm' });
    expect(one.ok && one.payload.roles).toEqual(['vendor_pm']);
    expect(one.ok && one.payload.password).toBeUndefined();
  });

  it('fills nested settings from dotted names, one system a line, and names a bad bound', async () => {
    const body = {
      assessmentWorkingDays: '4',
      'remediationWorkingDays.high': '0',
      'reminderLeadWorkingDays.retest': '1',
      systems: ' HIS \r\nEMR\n\n',
    };
    const bad = await readForm(ContractSettingsPatchDto, SETTINGS_FIELDS, body);
    if (bad.ok) throw new Error('expected a refusal');
    expect(bad.errors).toEqual({ 'remediationWorkingDays.high': '不能小于 1' });
    const shown = formFields('settings', SETTINGS_FIELDS, bad.values, bad.errors);
    expect(shown.find((f) => f.error)!.id).toBe('settings-remediationWorkingDays-high');

    const good = await readForm(ContractSettingsPatchDto, SETTINGS_FIELDS, {
      ...body,
      'remediationWorkingDays.high': '6',
    });
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    expect({
      ...good.payload,
      remediationWorkingDays: { ...good.payload.remediationWorkingDays },
    }).toEqual({
      assessmentWorkingDays: 4,
      remediationWorkingDays: { high: 6 },
      reminderLeadWorkingDays: expect.objectContaining({ retest: 1 }),
      systems: ['HIS', 'EMR'],
    });
  });
});
