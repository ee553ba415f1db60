import { FORM_ERROR } from './console-field';
import { Injectable } from '@nestjs/common';
import {
  SCHEDULE_SOURCE_LABELS,
  formatTime,
  contractSettingsTitle,
  settingsSavedFlash,
  ADMIN_PAGE_TITLES,
  scheduleImportedFlash,
} from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { WorkingDaysService } from '../calendar/working-days.service';
import { ContractsService } from '../contracts/contracts.service';
import { ContractSettingsPatchDto } from '../contracts/dto/contract-settings.dto';
import { adminFrame } from './admin-console.service';
import {
  CALENDAR_FIELDS,
  LoadYearFormDto,
  refusedFields,
  SETTINGS_FIELDS,
  settingsValues,
} from './admin-fields';
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
      fields: formFields(
        'calendar',
        CALENDAR_FIELDS,
        failed?.values,
        failed?.errors,
        LoadYearFormDto,
      ),
      formError: failed?.errors[FORM_ERROR],
    });
  }

  /** A State Council notice's dates, picked into two lists, loaded as the REST route loads them. */
  async loadYear({ page, body }: FormSending): Promise<ConsoleOutcome> {
    const form = await readForm(LoadYearFormDto, CALENDAR_FIELDS, body);
    const again = async (errors: Record<string, string>): Promise<ConsoleOutcome> => ({
      kind: 'page',
      status: 400,
      html: await this.calendarPage(page, { values: form.values, errors }),
    });
    if (!form.ok) return again(form.errors);
    const { year, holidays, workdays } = form.payload;
    try {
      const r = await this.workingDays.loadYear(year, { holidays, workdays }, page.actor.email);
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
