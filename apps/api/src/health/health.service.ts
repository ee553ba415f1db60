import { Injectable } from '@nestjs/common';
import { DatabaseHealthRepository } from '@luyue/persistence';
import { TemporalClientService } from '@luyue/temporal';

export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { postgres: DependencyHealth; temporal: DependencyHealth; worker: DependencyHealth };
}

const TIMEOUT_MS = 3000;

async function probe(fn: () => Promise<void>): Promise<DependencyHealth> {
  const started = Date.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (err) {
    return {
      status: 'down',
      latencyMs: Date.now() - started,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseHealthRepository,
    private readonly temporal: TemporalClientService,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, temporal, worker] = await Promise.all([
      probe(() => this.database.ping()),
      probe(() => this.temporal.ping()),
      // Nothing moves without a worker polling the task queue.
      probe(async () => {
        const pollers = await this.temporal.livePollers();
        if (pollers === 0) throw new Error('no worker polls the task queue');
      }),
    ]);
    const ok = [postgres, temporal, worker].every((c) => c.status === 'up');
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, temporal, worker } };
  }
}
