import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DeadlineComputation, DeadlineWatchInput, DeadlineWatchStatus } from '@luyue/domain';
import {
  calendarChangedSignal,
  deadlineFulfilledSignal,
  deadlineStatusQuery,
  type DeadlineWatchActivities,
} from '@luyue/temporal/definitions';
const activities = proxyActivities<DeadlineWatchActivities>({
  // Short: these are single-transaction writes, and a dead worker's attempt is retried after it.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * Waits until a working-day deadline: reminds `reminderLeadDays` working days before it, and
 * reports `met` when fulfilled in time (signal) or `breached` when the deadline passes first.
 * A `calendarChanged` signal recomputes the deadline (a provisional year's schedule was loaded).
 */
export async function deadlineWatchWorkflow(
  input: DeadlineWatchInput,
): Promise<DeadlineWatchStatus> {
  const { workflowId } = workflowInfo();
  const status: DeadlineWatchStatus = {
    subject: input.subject,
    deadline: null,
    provisional: false,
    reminderSent: false,
    outcome: null,
    completedAt: null,
  };
  let fulfilledAt: string | null = null;
  let calendarChanged = false;

  setHandler(deadlineStatusQuery, () => status);
  setHandler(deadlineFulfilledSignal, ({ at }) => {
    fulfilledAt ??= at ?? new Date().toISOString();
  });
  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
  });

  const schedule = async (): Promise<DeadlineComputation> => {
    const computed = await activities.computeDeadline({
      receivedAt: input.receivedAt,
      workingDays: input.workingDays,
      reminderLeadDays: input.reminderLeadDays,
    });
    status.deadline = computed.deadline;
    status.provisional = computed.provisional;
    await activities.scheduleDeadline({
      workflowId,
      subject: input.subject,
      receivedAt: input.receivedAt,
      workingDays: input.workingDays,
      deadline: computed.deadline,
      provisional: computed.provisional,
    });
    return computed;
  };

  let computed = await schedule();
  const interrupted = (): boolean => fulfilledAt !== null || calendarChanged;

  for (;;) {
    const now = Date.now();
    if (!status.reminderSent && computed.reminderAt && Date.parse(computed.reminderAt) > now) {
      // Timer to the reminder; a fulfilment or calendar change wakes it early.
      const woke = await condition(interrupted, Date.parse(computed.reminderAt) - now);
      if (!woke) {
        await activities.sendDeadlineReminder({
          workflowId,
          subject: input.subject,
          deadline: computed.deadline,
          notify: input.notify,
          link: input.link,
        });
        status.reminderSent = true;
        continue;
      }
    } else {
      const untilDeadline = Date.parse(computed.deadline) - Date.now();
      if (untilDeadline > 0 && !interrupted()) await condition(interrupted, untilDeadline);
    }
    if (fulfilledAt !== null) break;
    if (calendarChanged) {
      calendarChanged = false;
      computed = await schedule();
      continue;
    }
    if (Date.now() >= Date.parse(computed.deadline)) break;
  }

  const outcome =
    fulfilledAt !== null && Date.parse(fulfilledAt) <= Date.parse(computed.deadline)
      ? 'met'
      : 'breached';
  await activities.recordDeadlineOutcome({
    workflowId,
    subject: input.subject,
    deadline: computed.deadline,
    outcome,
    completedAt: fulfilledAt,
    notify: input.notify,
    link: input.link,
  });
  status.outcome = outcome;
  status.completedAt = fulfilledAt;
  return status;
}
