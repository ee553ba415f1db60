/** Receives one line of human-readable progress or child output (no trailing newline). */
export type LogFn = (line: string) => void;

export const stdoutLog: LogFn = (line) => {
  process.stdout.write(`${line}\n`);
};
