import { Injectable } from '@nestjs/common';
import { CalendarService } from '@luyue/calendar';
import type { DeadlineComputation } from '@luyue/domain';
import { TemplateRenderer } from '@luyue/notifications';
import { DeadlineRecordRepository, NewOutboxMail } from '@luyue/persistence';
import type { DeadlineWatchActivities } from '@luyue/temporal/definitions';

/** Activities of the deadline watch. Each is idempotent: keyed writes, first outcome wins. */
@Injectable()
export class DeadlineWatchActivitiesService implements DeadlineWatchActivities {
  constructor(
    private readonly calendars: CalendarService,
    private readonly records: DeadlineRecordRepository,
    private readonly renderer: TemplateRenderer,
  ) {}

  async computeDeadline(input: {
    receivedAt: string;
    workingDays: number;
    reminderLeadDays: number | null;
  }): Promise<DeadlineComputation> {
    const calendar = await this.calendars.calendar({ fresh: true });
    const { deadline, provisional } = calendar.addWorkingDays(
      new Date(input.receivedAt),
      input.workingDays,
    );
    const reminder =
      input.reminderLeadDays === null
        ? null
        : calendar.reminderAt(deadline, input.reminderLeadDays);
    return {
      deadline: deadline.toISOString(),
      provisional: provisional || (reminder?.provisional ?? false),
      reminderAt: reminder ? reminder.deadline.toISOString() : null,
    };
  }

  async scheduleDeadline(input: {
    workflowId: string;
    subject: string;
    receivedAt: string;
    workingDays: number;
    deadline: string;
    provisional: boolean;
  }): Promise<void> {
    await this.records.schedule({
      ...input,
      receivedAt: new Date(input.receivedAt),
      deadline: new Date(input.deadline),
    });
  }

  async sendDeadlineReminder(input: {
    workflowId: string;
    subject: string;
    deadline: string;
    notify: string[];
    link?: string;
  }): Promise<void> {
    const mail = this.mail(`${input.workflowId}:reminder`, 'deadline-reminder', input);
    await this.records.recordReminder(input.workflowId, new Date(), mail);
  }

  async recordDeadlineOutcome(input: {
    workflowId: string;
    subject: string;
    deadline: string;
    outcome: 'met' | 'breached';
    completedAt: string | null;
    notify: string[];
    link?: string;
  }): Promise<void> {
    const mail =
      input.outcome === 'breached'
        ? this.mail(`${input.workflowId}:breached`, 'deadline-breached', input)
        : null;
    const completedAt = input.completedAt ? new Date(input.completedAt) : null;
    await this.records.recordOutcome(input.workflowId, input.outcome, completedAt, mail);
  }

  private mail(
    messageKey: string,
    template: string,
    input: { subject: string; deadline: string; notify: string[]; link?: string },
  ): NewOutboxMail | null {
    if (input.notify.length === 0) return null;
    const rendered = this.renderer.renderMail(template, {
      subject: input.subject,
      deadline: input.deadline,
      link: input.link,
    });
    return { messageKey, recipients: input.notify, template, ...rendered };
  }
}
