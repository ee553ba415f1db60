// The working-day calendar's own terms, as the API's descriptions quote them.
export const CALENDAR_TERMS = {
  /** Weekend days made working days by the State Council's yearly schedule. */
  workdaySwap: '调休',
  /** The default coverage: working days, 08:00-12:00 and 13:30-17:30. */
  workingHours: '工作时间',
} as const;
