/** Splits a byte stream into lines, keeping a partial last line until more arrives. */
export class LineSplitter {
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.onLine(line);
  }

  flush(): void {
    if (this.partial) this.onLine(this.partial);
    this.partial = '';
  }
}

/** Keeps the last lines of a child's output for error messages. */
export class LineTail {
  private readonly lines: string[] = [];

  constructor(private readonly capacity = 200) {}

  add(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.shift();
  }

  last(count = 30): string[] {
    return this.lines.slice(-count);
  }

  /** The last lines indented, ready to append to an error message. */
  format(count = 30): string {
    const lines = this.last(count);
    return lines.length ? lines.map((line) => `    ${line}`).join('\n') : '    (no output)';
  }
}
