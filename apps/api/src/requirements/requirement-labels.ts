import { formatTime } from '@luyue/domain';

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, the way people there read an instant. */
export const shanghaiMinute = formatTime;

export function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : value ? '是' : '否';
}
