import { FORM_ERROR } from './console-field';
import {
  DEFAULT_CONTRACT_SETTINGS,
  DomainError,
  fieldProblem,
  validationFailed,
} from '@luyue/domain';
import {
  CALENDAR_FIELDS,
  newUserFields,
  refusedFields,
  SETTINGS_FIELDS,
  settingsValues,
} from './admin-fields';

describe('admin forms', () => {
  it('shows every current setting in its field', () => {
    const values = settingsValues({ ...DEFAULT_CONTRACT_SETTINGS, systems: ['HIS', 'EMR'] });
    expect(Object.keys(values).sort()).toEqual(SETTINGS_FIELDS.map((f) => f.name).sort());
    expect(values).toMatchObject({
      interfaceQuotaPersonDays: '50',
      'remediationWorkingDays.medium': '7',
      'reminderLeadWorkingDays.changeReply': '2',
      systems: 'HIS\nEMR',
    });
  });

  it('puts a service refusal beside its field, a date of a list beside its list', () => {
    const roles = validationFailed([{ field: 'roles', message: 'role "vendor_pm" is vendor' }]);
    expect(refusedFields(roles, newUserFields([]))).toEqual({
      roles: '不能设置这些角色（role "vendor_pm" is vendor）',
    });
    const day = validationFailed([{ field: 'holidays[2]', message: 'holidays[2]: outside 2027' }]);
    expect(refusedFields(day, CALENDAR_FIELDS)).toEqual({
      holidays: '节假日安排有误（holidays[2]: outside 2027）',
    });
    const keyed = validationFailed([
      fieldProblem('holidays[1]', 'field.schedule_outside_year', {
        date: '2026-10-01',
        year: 2027,
      }),
    ]);
    expect(refusedFields(keyed, CALENDAR_FIELDS)).toEqual({
      holidays: '节假日安排有误（2026-10-01 不在 2027 年内）',
    });
  });

  it('keeps a refusal of no single field for the whole form', () => {
    const cross = validationFailed([{ field: 'settings', message: 'lead must be shorter' }]);
    expect(refusedFields(cross, SETTINGS_FIELDS)).toEqual({
      [FORM_ERROR]: '不能保存（lead must be shorter）',
    });
  });

  it('names a taken name beside its field, and leaves other errors to the error page', () => {
    const taken = new DomainError('conflict', 'user.email_exists', { email: 'a@b.example' });
    expect(refusedFields(taken, newUserFields([]), 'email')).toEqual({
      email: '已被使用（邮箱 a@b.example 的用户已存在）',
    });
    expect(refusedFields(taken, newUserFields([]))).toBeNull();
    expect(refusedFields(new DomainError('not_found', 'user.not_found', {}), [])).toBeNull();
    expect(refusedFields(new Error('boom'), [])).toBeNull();
  });
});
