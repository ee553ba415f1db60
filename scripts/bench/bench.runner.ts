export interface BenchResult {
  name: string;
  operations: number;
  seconds: number;
  perSecond: number;
}

/** Runs `total` operations with at most `concurrency` in flight; wall-clock throughput. */
export async function measure(
  name: string,
  total: number,
  concurrency: number,
  operation: (i: number) => Promise<void>,
  settle: () => Promise<void> = () => Promise.resolve(),
): Promise<BenchResult> {
  let next = 0;
  const started = process.hrtime.bigint();
  const lane = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      await operation(i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await settle();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, operations: total, seconds, perSecond: total / seconds };
}

export function report(baseline: BenchResult, results: BenchResult[]): string {
  const rows = [baseline, ...results].map((r) => {
    const ratio =
      r === baseline ? '1.00 (baseline)' : (r.perSecond / baseline.perSecond).toFixed(2);
    return `${r.name.padEnd(48)} ${String(r.operations).padStart(6)} ops ${r.seconds.toFixed(2).padStart(7)} s ${r.perSecond.toFixed(1).padStart(8)} /s  ratio ${ratio}`;
  });
  return rows.join('\n');
}
