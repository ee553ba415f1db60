import type { ClassConstructor } from 'class-transformer';
import {
  CHANGE_ACTION_FORMS,
  proposeFields,
  ProposeChangeFormDto,
} from '../change-request/console/change-console-forms';
import { ContractSettingsPatchDto } from '../contracts/dto/contract-settings.dto';
import { FAULT_ACTION_FORMS, reportFields } from '../fault-ticket/console/fault-console-fields';
import { ReportFaultDto } from '../fault-ticket/dto/fault-ticket.dto';
import { CreateOrganizationDto } from '../identity/dto/organization.dto';
import { CreateUserDto, ResetPasswordDto } from '../identity/dto/user.dto';
import {
  REQUIREMENT_ACTION_FORMS,
  submitFields,
} from '../requirement/console/requirement-action-fields';
import { SubmitRequirementDto } from '../requirement/dto/submit-requirement.dto';
import { noticeFields } from '../security/console/security-console-fields';
import { REMEDIATION_ACTION_FORMS } from '../security/console/security-task-action-fields';
import { IssueNoticeDto } from '../security/dto/security-notice.dto';
import {
  CALENDAR_FIELDS,
  LoadYearFormDto,
  newUserFields,
  ORGANIZATION_FIELDS,
  RESET_PASSWORD_FIELDS,
  SETTINGS_FIELDS,
} from './admin-fields';
import type { Field } from './console-field';
import { formFields, readForm } from './console-form';
import { fieldRules } from './field-rules';

type Form = { dto: ClassConstructor<object>; fields: readonly Field[] };

const SYSTEMS = ['HIS'];
const FORMS: Array<[string, Form]> = [
  ...[
    CHANGE_ACTION_FORMS,
    REQUIREMENT_ACTION_FORMS,
    FAULT_ACTION_FORMS,
    REMEDIATION_ACTION_FORMS,
  ].flatMap((table) => Object.entries(table as Record<string, Form>)),
  ['propose-change', { dto: ProposeChangeFormDto, fields: proposeFields([]) }],
  ['submit-requirement', { dto: SubmitRequirementDto, fields: submitFields(SYSTEMS) }],
  ['report-fault', { dto: ReportFaultDto, fields: reportFields(SYSTEMS, true) }],
  ['issue-notice', { dto: IssueNoticeDto, fields: noticeFields(SYSTEMS) }],
  ['organization', { dto: CreateOrganizationDto, fields: ORGANIZATION_FIELDS }],
  ['user', { dto: CreateUserDto, fields: newUserFields([]) }],
  ['password', { dto: ResetPasswordDto, fields: RESET_PASSWORD_FIELDS }],
  ['settings', { dto: ContractSettingsPatchDto, fields: SETTINGS_FIELDS }],
  ['calendar', { dto: LoadYearFormDto, fields: CALENDAR_FIELDS }],
];

describe('fieldRules', () => {
  it('marks a field required exactly where its DTO refuses it empty, in every console form', () => {
    const disagreeing = FORMS.flatMap(([form, { dto, fields }]) =>
      fields
        .filter((f) => f.type !== 'confirm' && f.type !== 'file')
        .filter((f) => (f.required ?? false) !== fieldRules(dto, f).required)
        .map((f) => `${form}.${f.name}`),
    );
    expect(disagreeing).toEqual([]);
  });

  it('reads the bounds the DTO checks, nested fields too', () => {
    const [extension] = formFields(
      'x',
      FAULT_ACTION_FORMS['request-extension'].fields.filter((f) => f.name === 'minutes'),
      {},
      {},
      FAULT_ACTION_FORMS['request-extension'].dto,
    );
    expect(extension).toMatchObject({ required: true, min: 1, max: 43200 });
    const comment = CHANGE_ACTION_FORMS.reply.fields.find((f) => f.name === 'comment')!;
    expect(fieldRules(CHANGE_ACTION_FORMS.reply.dto, comment)).toEqual({
      required: false,
      maxlength: 2000,
    });
    const lead = SETTINGS_FIELDS.find((f) => f.name === 'reminderLeadWorkingDays.assessment')!;
    expect(fieldRules(ContractSettingsPatchDto, lead)).toMatchObject({ min: expect.any(Number) });
  });
});

describe('the holiday calendar form', () => {
  it('reads two lists of picked dates, empty pickers left out, and asks for the days off', async () => {
    const picked = await readForm(LoadYearFormDto, CALENDAR_FIELDS, {
      year: '2097',
      holidays: ['2097-01-01', '', '2097-10-01'],
      workdays: '',
    });
    expect(picked).toMatchObject({
      ok: true,
      payload: { year: 2097, holidays: ['2097-01-01', '2097-10-01'], workdays: [] },
    });
    const none = await readForm(LoadYearFormDto, CALENDAR_FIELDS, { year: '2097', holidays: '' });
    expect(none).toMatchObject({ ok: false, errors: { holidays: '请至少选择一项' } });
    const [, holidays] = formFields('calendar', CALENDAR_FIELDS, none.values, {}, LoadYearFormDto);
    expect(holidays).toMatchObject({ required: true });
    expect((holidays.dates as unknown[]).length).toBe(32);
  });
});
