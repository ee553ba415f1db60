// Runs the schemathesis CLI (from .venv-fuzz, see scripts/ensure-fuzz-venv.js) against the e2e
// stack's OpenAPI document and reads its NDJSON event stream into figures.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const SCHEMATHESIS = join(ROOT, '.venv-fuzz', 'bin', 'schemathesis');

/** The checks that must hold on every response (the README's fuzz tier names the same). */
export const FUZZ_CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
] as const;

export interface FuzzRun {
  /** Label for the figures, e.g. the role. */
  label: string;
  /** `Authorization` header value sent with every request. */
  authorization: string;
  /** Real ids to mix into path parameters, by path prefix regex and parameter name. */
  ids: Array<{ pathRegex: string; parameter: string; value: string }>;
  /** Operations left out, each with its reason (printed with the figures). */
  excluded: Array<{ path: string; reason: string }>;
  maxExamples: number;
  seed: number;
  timeoutMs: number;
}

export interface FuzzFailure {
  check: string;
  operation: string;
  status?: number;
  message: string;
  request: string;
}

export interface FuzzFigures {
  label: string;
  operations: number;
  requests: number;
  byStatusClass: Record<string, number>;
  failures: FuzzFailure[];
  errors: string[];
  seconds: number;
  exitCode: number | null;
}

/** A schemathesis.toml that mixes the real ids into the generated path parameters. */
function configToml(run: FuzzRun): string {
  const lines: string[] = [];
  run.ids.forEach((id, i) => {
    lines.push(`[dictionaries.id${i}]`, `values = [${JSON.stringify(id.value)}]`, '');
  });
  run.ids.forEach((id, i) => {
    lines.push(
      '[[operations]]',
      `include-path-regex = ${JSON.stringify(id.pathRegex)}`,
      `parameters = { ${JSON.stringify(`path.${id.parameter}`)} = { dictionary = "id${i}", probability = 0.8 } }`,
      '',
    );
  });
  return lines.join('\n');
}

/**
 * CPython 3.11's AST constructor can trip its own recursion counter inside the fuzzer's coverage
 * phase (a SystemError raised in schemathesis, not an answer of ours). The venv is built on 3.12
 * or 3.13 where there is one (scripts/ensure-fuzz-venv.js); on a machine with only 3.11, a run
 * whose only errors are that fault runs once more with the next seed; its failures still count.
 */
const FUZZER_RUNTIME_FAULT = 'AST constructor recursion depth mismatch';

export async function runSchemathesis(schemaUrl: string, run: FuzzRun): Promise<FuzzFigures> {
  const figures = await runSchemathesisOnce(schemaUrl, run);
  const onlyRuntimeFaults =
    figures.errors.length > 0 && figures.errors.every((e) => e.includes(FUZZER_RUNTIME_FAULT));
  if (!onlyRuntimeFaults || figures.failures.length > 0) return figures;
  process.stdout.write(`[fuzz] ${run.label}: fuzzer runtime fault, running again\n`);
  return runSchemathesisOnce(schemaUrl, { ...run, seed: run.seed + 1 });
}

async function runSchemathesisOnce(schemaUrl: string, run: FuzzRun): Promise<FuzzFigures> {
  const dir = mkdtempSync(join(tmpdir(), `luyue-fuzz-${run.label}-`));
  const config = join(dir, 'schemathesis.toml');
  writeFileSync(config, configToml(run));
  const args = [
    '--config-file',
    config,
    'run',
    schemaUrl,
    '--header',
    `Authorization: ${run.authorization}`,
    '--checks',
    FUZZ_CHECKS.join(','),
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(run.maxExamples),
    '--seed',
    String(run.seed),
    '--workers',
    '2',
    '--request-timeout',
    '30',
    '--generation-database',
    'none',
    '--report',
    'ndjson',
    '--report-dir',
    dir,
    '--no-color',
    ...run.excluded.flatMap((e) => ['--exclude-path', e.path]),
  ];
  const started = Date.now();
  const { exitCode, output } = await spawnBounded(SCHEMATHESIS, args, dir, run.timeoutMs);
  const ndjson = readdirSync(dir).find((f) => f.endsWith('.ndjson'));
  if (!ndjson) throw new Error(`schemathesis wrote no report (exit ${exitCode}):\n${output}`);
  return {
    ...readEvents(readFileSync(join(dir, ndjson), 'utf8')),
    label: run.label,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    exitCode,
  };
}

function spawnBounded(
  cmd: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`schemathesis killed (${signal}) after ${timeoutMs} ms`));
      else resolve({ exitCode: code, output });
    });
  });
}

interface Interaction {
  request: { method: string; uri: string };
  response?: { status_code: number } | null;
}
interface CheckResult {
  name: string;
  status: string;
  failure_info?: { failure?: { title?: string; message?: string } } | null;
}
interface ScenarioFinished {
  recorder: {
    label: string;
    interactions?: Record<string, Interaction>;
    checks?: Record<string, CheckResult[]>;
  };
}

function readEvents(text: string): Omit<FuzzFigures, 'label' | 'seconds' | 'exitCode'> {
  const operations = new Set<string>();
  const byStatusClass: Record<string, number> = {};
  const failures = new Map<string, FuzzFailure>();
  const errors: string[] = [];
  let requests = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as Record<string, unknown>;
    if ('NonFatalError' in event || 'FatalError' in event) {
      errors.push(JSON.stringify(event).slice(0, 1000));
    }
    const finished = event.ScenarioFinished as ScenarioFinished | undefined;
    if (!finished) continue;
    const { label, interactions, checks } = finished.recorder;
    operations.add(label);
    for (const [caseId, interaction] of Object.entries(interactions ?? {})) {
      requests += 1;
      const status = interaction.response?.status_code;
      const key = status === undefined ? 'none' : `${String(status).slice(0, 1)}xx`;
      byStatusClass[key] = (byStatusClass[key] ?? 0) + 1;
      for (const check of checks?.[caseId] ?? []) {
        if (check.status !== 'failure') continue;
        const info = check.failure_info;
        const message = [info?.failure?.title, info?.failure?.message].filter(Boolean).join(': ');
        // One entry per check, operation and message: the same fault seen many times counts once.
        const dedupe = `${check.name} ${label} ${status} ${message}`;
        if (!failures.has(dedupe)) {
          failures.set(dedupe, {
            check: check.name,
            operation: label,
            status,
            message: message.slice(0, 600),
            request: `${interaction.request.method} ${interaction.request.uri}`.slice(0, 600),
          });
        }
      }
    }
  }
  return {
    operations: operations.size,
    requests,
    byStatusClass,
    failures: [...failures.values()],
    errors,
  };
}
