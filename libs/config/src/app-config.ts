import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MinLength,
  Min,
  validateSync,
} from 'class-validator';
import { PRODUCT_TITLE } from '@luyue/domain';

/** Every setting the api and worker read, validated once at start. */
/** Relative to the working folder; `npm start` and the cli make it `<repository>/.data`. */
export const DEFAULT_DATA_DIR = '.data';

/** Where uploads are kept, for the apps and for the backup of a data folder alike. */
export function fileStoreDirOf(env: { DATA_DIR?: string; FILE_STORE_DIR?: string }): string {
  return env.FILE_STORE_DIR || `${env.DATA_DIR || DEFAULT_DATA_DIR}/files`;
}

export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^[^\s:]+:\d{1,5}$/, { message: 'must be host:port' })
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString()
  @MinLength(1)
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @MinLength(1)
  TEMPORAL_TASK_QUEUE = 'luyue';

  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL!: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM = `${PRODUCT_TITLE} <noreply@luyue.local>`;

  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  ADMIN_TOKEN!: string;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  LINK_TOKEN_SECRET!: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  DATA_DIR = DEFAULT_DATA_DIR;

  /** Where uploaded files (attachments, documents, proof) are kept; `<DATA_DIR>/files` if unset. */
  @IsOptional()
  @IsString()
  FILE_STORE_DIR?: string;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  FILE_MAX_BYTES = 20 * 1024 * 1024;

  /** Scanner reports and assessment sheets may be larger than attachments. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  REPORT_MAX_BYTES = 200 * 1024 * 1024;

  /** An MLPS or crypto-assessment workbook's uncompressed size: a zip bomb is refused before it is expanded. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  SHEET_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

  /** Rows of an MLPS or crypto-assessment sheet or CSV. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  SHEET_MAX_ROWS = 100_000;

  /**
   * Heap (MB) of the worker thread an import parses its file in; a file needing more is refused
   * without touching the worker's own memory.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(64)
  REPORT_PARSE_MAX_HEAP_MB = 512;

  /** Comma-separated content types an upload may have. */
  @IsString()
  @MinLength(3)
  FILE_TYPES = [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'text/plain',
    'text/csv',
    'application/zip',
    'application/msword',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/xml',
    'text/xml',
  ].join(',');

  get fileStoreDir(): string {
    return fileStoreDirOf(this);
  }

  get fileTypes(): string[] {
    return this.FILE_TYPES.split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
  }

  /** Prebuilt workflow bundle (production); absent means bundle from source at start. */
  @IsOptional()
  @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  @IsOptional()
  @IsIn(['0', '1'])
  LUYUE_EMBEDDED?: '0' | '1';

  get embedded(): boolean {
    return this.LUYUE_EMBEDDED === '1';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'SMTP_URL',
    'ADMIN_TOKEN',
    'JWT_SECRET',
    'LINK_TOKEN_SECRET',
    'WORKFLOW_BUNDLE_PATH',
    'FILE_STORE_DIR',
    'LUYUE_EMBEDDED',
  ]) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const shown = ['ADMIN_TOKEN', 'JWT_SECRET', 'LINK_TOKEN_SECRET'].includes(e.property)
          ? '(hidden)'
          : JSON.stringify(raw[e.property]);
        const why = Object.values(e.constraints ?? {}).join('; ');
        return `${e.property}=${raw[e.property] === undefined ? '(unset)' : shown}: ${why}`;
      }),
    );
  }
  return config;
}
