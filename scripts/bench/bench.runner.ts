export interface BenchResult {
  name: string;
  concurrency: number;
  operations: number;
  seconds: number;
  perSecond: number;
  /** Milliseconds of each operation, sorted. */
  latencies: number[];
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
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  const lane = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      await operation(i);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await settle();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { name, concurrency, operations: total, seconds, perSecond: total / seconds, latencies };
}

/** The q-quantile (0…1) of sorted values, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const ms = (v: number): string => `${v.toFixed(0)} ms`.padStart(8);

/** One line a result: throughput, ratio to the baseline of the same concurrency, p50/p99. */
export function report(baselines: BenchResult[], results: BenchResult[], limitMs?: number): string {
  const header = `${'what'.padEnd(52)} ${'c'.padStart(3)} ${'ops'.padStart(5)} ${'rate'.padStart(9)} ${'ratio'.padStart(6)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}`;
  const rows = [...baselines, ...results].map((r) => {
    const base = baselines.find((b) => b.concurrency === r.concurrency);
    const ratio = base ? (r.perSecond / base.perSecond).toFixed(2) : '-';
    const p99 = quantile(r.latencies, 0.99);
    const flag =
      limitMs !== undefined && r.concurrency === 1 && !baselines.includes(r)
        ? p99 < limitMs
          ? ''
          : `  over ${limitMs} ms`
        : '';
    return `${r.name.padEnd(52)} ${String(r.concurrency).padStart(3)} ${String(r.operations).padStart(5)} ${`${r.perSecond.toFixed(1)}/s`.padStart(9)} ${ratio.padStart(6)} ${ms(quantile(r.latencies, 0.5))} ${ms(p99)}${flag}`;
  });
  return [header, ...rows].join('\n');
}
