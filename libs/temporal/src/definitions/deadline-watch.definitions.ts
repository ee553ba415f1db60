import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { DeadlineWatchStatus } from '@luyue/domain';

/** Ends the wait early: the obligation was fulfilled. */
export const deadlineFulfilledSignal = defineSignal<[{ at?: string }]>('deadlineFulfilled');
/** The calendar changed (a year's schedule was loaded): recompute the deadline. */
export const calendarChangedSignal = defineSignal('calendarChanged');
export const deadlineStatusQuery = defineQuery<DeadlineWatchStatus>('deadlineStatus');
