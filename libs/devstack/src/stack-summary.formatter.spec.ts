import { displayWidth, redactUrl, renderBox } from './stack-summary.formatter';

describe('redactUrl', () => {
  it('hides only the password', () => {
    expect(redactUrl('postgres://user:s3cr3t@db:5432/luyue')).toBe(
      'postgres://user:***@db:5432/luyue',
    );
    expect(redactUrl('smtp://127.0.0.1:1025')).toBe('smtp://127.0.0.1:1025');
  });
});

describe('renderBox', () => {
  it('aligns labels, skips empty rows and counts CJK as two columns', () => {
    const box = renderBox('luyue 履约', [
      ['API', 'http://localhost:3000'],
      ['Temporal UI', undefined],
      ['Mail', 'http://127.0.0.1:8025'],
    ]);
    const lines = box.split('\n');
    expect(lines).toEqual([
      '┌──────────────────────────────┐',
      '│ luyue 履约                   │',
      '│                              │',
      '│ API    http://localhost:3000 │',
      '│ Mail   http://127.0.0.1:8025 │',
      '└──────────────────────────────┘',
    ]);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });
});
