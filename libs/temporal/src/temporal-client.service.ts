import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '@luyue/config';
import { countLivePollers } from './task-queue-pollers.util';

/**
 * One lazily opened Temporal connection per process. Lazy so the api still starts (and /health
 * reports Temporal as down) when the server is not reachable yet.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalClientService.name);
  private connecting?: Promise<Client>;
  private connection?: Connection;

  constructor(private readonly config: AppConfig) {}

  get taskQueue(): string {
    return this.config.TEMPORAL_TASK_QUEUE;
  }

  client(): Promise<Client> {
    this.connecting ??= this.open().catch((err: unknown) => {
      this.connecting = undefined;
      throw err;
    });
    return this.connecting;
  }

  /** Asks the server itself, not just the socket. */
  async ping(): Promise<void> {
    const client = await this.client();
    await client.workflowService.getSystemInfo({});
  }

  /** Workers polling the task queue lately (see countLivePollers). */
  async livePollers(): Promise<number> {
    const client = await this.client();
    return countLivePollers(
      client.workflowService,
      this.config.TEMPORAL_NAMESPACE,
      this.config.TEMPORAL_TASK_QUEUE,
    );
  }

  private async open(): Promise<Client> {
    this.connection = await Connection.connect({
      address: this.config.TEMPORAL_ADDRESS,
      connectTimeout: '5s',
    });
    this.logger.log(`connected to Temporal at ${this.config.TEMPORAL_ADDRESS}`);
    return new Client({ connection: this.connection, namespace: this.config.TEMPORAL_NAMESPACE });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
