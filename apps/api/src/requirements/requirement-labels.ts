const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, the way people there read an instant. */
export function shanghaiMinute(iso: string | Date | null | undefined): string {
  if (iso === null || iso === undefined) return '';
  return SHANGHAI.format(new Date(iso));
}

export function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : value ? '是' : '否';
}
