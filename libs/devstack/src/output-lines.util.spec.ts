import { LineSplitter, LineTail } from './output-lines.util';

describe('LineSplitter', () => {
  it('emits complete lines and keeps a partial one until flushed', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push('first\r\nsec');
    splitter.push('ond\nthi');
    expect(lines).toEqual(['first', 'second']);
    splitter.flush();
    splitter.flush();
    expect(lines).toEqual(['first', 'second', 'thi']);
  });
});

describe('LineTail', () => {
  it('keeps only the last lines up to its capacity', () => {
    const tail = new LineTail(3);
    ['a', 'b', 'c', 'd'].forEach((line) => tail.add(line));
    expect(tail.last()).toEqual(['b', 'c', 'd']);
    expect(tail.last(2)).toEqual(['c', 'd']);
    expect(tail.format(1)).toBe('    d');
  });

  it('says so when there was no output', () => {
    expect(new LineTail().format()).toBe('    (no output)');
  });
});
