import {
  FILE_NAME_MAX,
  cutCodePoints,
  fileNameProblem,
  isUnstorable,
  safeFileName,
} from './text-rules';

describe('text rules', () => {
  it('finds a NUL and lone surrogates, not paired ones', () => {
    expect(isUnstorable('a\u0000b')).toBe(true);
    expect(isUnstorable('a\ud800')).toBe(true);
    expect(isUnstorable('\udc00a')).toBe(true);
    expect(isUnstorable('检验 😀')).toBe(false);
  });

  it('cuts on code points, never inside a surrogate pair', () => {
    expect(cutCodePoints('ab😀c', 3)).toBe('ab😀');
    expect(cutCodePoints('ab', 5)).toBe('ab');
  });

  it('refuses names with a NUL, a lone surrogate or a bidi control, naming the field', () => {
    expect(fileNameProblem('files', 'a\u0000.pdf')?.field).toBe('files');
    expect(fileNameProblem('file', 'a\ud800.pdf')?.field).toBe('file');
    for (const c of ['\u202e', '\u2066', '\u200f', '\u200e', '\u202a', '\u2069']) {
      expect(fileNameProblem('files', `photo${c}gpj.exe`)).not.toBeNull();
    }
    expect(fileNameProblem('files', '报告 😀.pdf')).toBeNull();
  });

  it('keeps 199 letters and an emoji whole: 200 code points', () => {
    const name = `${'a'.repeat(199)}😀`;
    expect(safeFileName(name)).toBe(name);
    expect(isUnstorable(safeFileName(`${'a'.repeat(200)}😀`))).toBe(false);
  });

  it('keeps the extension when it shortens a long name', () => {
    const short = safeFileName(`${'名'.repeat(300)}.pdf`);
    expect([...short]).toHaveLength(FILE_NAME_MAX);
    expect(short.endsWith('.pdf')).toBe(true);
    const emoji = safeFileName(`${'😀'.repeat(300)}.docx`);
    expect(isUnstorable(emoji)).toBe(false);
    expect(emoji.endsWith('.docx')).toBe(true);
  });

  it('drops paths and control characters', () => {
    expect(safeFileName('../../etc/pa\u0007sswd')).toBe('passwd');
    expect(safeFileName('  ')).toBe('file');
  });
});
