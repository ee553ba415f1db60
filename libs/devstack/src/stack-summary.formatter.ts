/** Hides the password of a URL (`postgres://user:***@host`). */
export function redactUrl(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Display width: CJK and other wide characters take two terminal columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      ) || code > 0x1f000
        ? 2
        : 1;
  }
  return width;
}

/** A framed block of `label  value` rows for the terminal; rows without a value are skipped. */
export function renderBox(
  title: string,
  rows: [string, string | undefined][],
  footer: string[] = [],
): string {
  const shown = rows.filter((row): row is [string, string] => Boolean(row[1]));
  const labelWidth = Math.max(0, ...shown.map(([label]) => displayWidth(label)));
  const body = [
    title,
    '',
    ...shown.map(
      ([label, value]) => `${label}${' '.repeat(labelWidth - displayWidth(label))}   ${value}`,
    ),
    ...(footer.length ? ['', ...footer] : []),
  ];
  const width = Math.max(...body.map(displayWidth));
  const line = (text: string): string => `│ ${text}${' '.repeat(width - displayWidth(text))} │`;
  return [`┌${'─'.repeat(width + 2)}┐`, ...body.map(line), `└${'─'.repeat(width + 2)}┘`].join('\n');
}
