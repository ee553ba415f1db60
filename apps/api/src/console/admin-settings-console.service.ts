import { FORM_ERROR } from './console-field';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  SCHEDULE_SOURCE_LABELS,
  formatTime,
  contractSettingsTitle,
  settingsSavedFlash,
  ADMIN_PAGE_TITLES,
  SCHEDULE_FORM_PROBLEMS,
  scheduleImportedFlash,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { YearScheduleDto } from '../calendar/dto/year-schedule.dto';
import { WorkingDaysService } from '../calendar/working-days.service';
import { ContractsService } from '../contracts/contracts.service';
import { ContractSettingsPatchDto } from '../contracts/dto/contract-settings.dto';
import { adminFrame } from './admin-console.service';
import { CALENDAR_FIELDS, refusedFields, SETTINGS_FIELDS, settingsValues } from './admin-fields';
import { ConsoleFrameService } from './console-frame.service';
import { formFields, readForm } from './console-form';
import type { ConsoleOutcome } from './console-outcome';
import type { PageRequest } from './console-page';
import type { FormSending } from '../kit/console-action';

interface Failed {
  values: Record<string, string>;
  errors: Record<string, string>;
}

const settingsHref = (id: string): string => `/admin/contracts/${id}/settings`;

/** A contract's settings and the holiday schedules, on the services of the REST routes. */
@Injectable()
export class AdminSettingsConsoleService {
  constructor(
    private readonly frames: ConsoleFrameService,
    private readonly renderer: TemplateRenderer,
    private readonly contracts: ContractsService,
    private readonly workingDays: WorkingDaysService,
  ) {}

  async settingsPage(page: PageRequest, id: string, failed?: Failed): Promise<string> {
    const contract = await this.contracts.get(page.actor, id);
    const frame = await adminFrame(this.frames, page, contractSettingsTitle(contract.number));
    const values = failed?.values ?? settingsValues(contract.settings);
    return this.renderer.render('pages/admin-contract-settings.html', {
      layout: frame.layout,
      contract,
      action: settingsHref(contract.id),
      fields: formFields(
        'settings',
        SETTINGS_FIELDS,
        values,
        failed?.errors,
        ContractSettingsPatchDto,
      ),
      formError: failed?.errors[FORM_ERROR],
    });
  }

  async saveSettings({ page, body }: FormSending, id: string): Promise<ConsoleOutcome> {
    const { actor, requestId } = page;
    const form = await readForm(ContractSettingsPatchDto, SETTINGS_FIELDS, body);
    const again = async (failed: Failed): Promise<ConsoleOutcome> => ({
      kind: 'page',
      status: 400,
      html: await this.settingsPage(page, id, failed),
    });
    if (!form.ok) return again(form);
    try {
      const saved = await this.contracts.updateSettings(actor, id, form.payload, requestId);
      return {
        kind: 'redirect',
        location: settingsHref(id),
        flash: settingsSavedFlash(saved.number),
      };
    } catch (error) {
      const errors = refusedFields(error, SETTINGS_FIELDS);
      if (!errors) throw error;
      return again({ values: form.values, errors });
    }
  }

  async calendarPage(page: PageRequest, failed?: Failed): Promise<string> {
    const frame = await adminFrame(this.frames, page, ADMIN_PAGE_TITLES.calendar);
    const years = await this.workingDays.years();
    return this.renderer.render('pages/admin-calendar.html', {
      layout: frame.layout,
      years: years.map((y) => ({
        ...y,
        source: SCHEDULE_SOURCE_LABELS[y.source],
        loadedAt: formatTime(y.loadedAt),
      })),
      fields: formFields('calendar', CALENDAR_FIELDS, failed?.values, failed?.errors),
      formError: failed?.errors[FORM_ERROR],
    });
  }

  /** The JSON a State Council notice is typed into, in the body format of the REST route. */
  async loadYear({ page, body }: FormSending): Promise<ConsoleOutcome> {
    const text = (k: string): string => (typeof body[k] === 'string' ? body[k] : '');
    const values = { year: text('year'), schedule: text('schedule') };
    const again = async (errors: Record<string, string>): Promise<ConsoleOutcome> => ({
      kind: 'page',
      status: 400,
      html: await this.calendarPage(page, { values, errors }),
    });
    const year = Number(values.year.trim());
    const errors: Record<string, string> = {};
    if (!values.year.trim() || !Number.isInteger(year)) errors.year = SCHEDULE_FORM_PROBLEMS.year;
    const schedule = await scheduleOf(values.schedule);
    if (typeof schedule === 'string') errors.schedule = schedule;
    if (Object.keys(errors).length > 0 || typeof schedule === 'string') return again(errors);
    try {
      const r = await this.workingDays.loadYear(year, schedule, page.actor.email);
      return {
        kind: 'redirect',
        location: '/admin/calendar',
        flash: scheduleImportedFlash(r),
      };
    } catch (error) {
      const refused = refusedFields(error, CALENDAR_FIELDS);
      if (!refused) throw error;
      return again(refused);
    }
  }
}

/** The schedule checked as the REST body is, or what is wrong with it. */
async function scheduleOf(text: string): Promise<YearScheduleDto | string> {
  if (!text.trim()) return SCHEDULE_FORM_PROBLEMS.required;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return SCHEDULE_FORM_PROBLEMS.notJson;
  }
  const shape = SCHEDULE_FORM_PROBLEMS.shape;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return shape;
  const dto = plainToInstance(YearScheduleDto, parsed);
  const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  return invalid.length > 0 ? shape : dto;
}
