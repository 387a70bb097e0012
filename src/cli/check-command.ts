import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TemplateTexts } from '../config/policies.js';
import { CheckPool } from '../pipeline/check-pool.js';
import { limitsFromEnvironment } from '../pipeline/check-thread.js';
import { checkSpecs as runPipeline, type CheckMemo, type CheckSource, type PipelineOptions } from '../pipeline/check-specs.js';
import type { CheckedFile } from '../verdict/evaluate.js';
import type { FileReport, Report } from '../verdict/report.js';
import { gitVersions, reportVersions } from './base-versions.js';
import { CheckCache, contentHash } from './cache.js';
import { takeStarted } from './early-thread.js';
import { findSpecFiles } from './files.js';
import { progressBar } from './progress.js';
import { stagedSpecs, type SpecInput } from './staged.js';
import { threadCount } from './threads.js';
import { specgateVersion } from './version.js';
import { ConfigError, fromCommandLine, readText, UsageError, workspaceAt, type Workspace } from './workspace.js';

export interface CheckOptions {
  workspace: Workspace;
  /** Paths, folders or globs of the command line, relative to the current directory. */
  paths: string[];
  /** `--template FILE`, relative to the current directory: wins over the configuration and front matter. */
  template?: string;
  /** `--staged`: the index's version of the staged spec files, instead of `paths`. */
  staged?: boolean;
  errorOnUnmatched?: boolean;
  /** `--cache`: the cache file's absolute path. */
  cache?: string;
  /** `--since REF`: only findings the spec did not have at REF block (`enforce: new-problems`). */
  since?: string;
  /** `--baseline FILE` (absolute): only findings this saved JSON report does not list block. */
  baseline?: string;
}

export interface CheckRun {
  report: Report;
  /** The bytes each file was checked as, in report order (`fix` edits these). */
  specs: SpecInput[];
}

/**
 * Checks the spec files a command line names and returns the report every format renders. Every
 * file is checked on the shared pool of worker threads, within its time and memory limits
 * (`SPECGATE_CHECK_TIMEOUT_MS`, `SPECGATE_CHECK_MEMORY_MB`), so one pathological file gets a
 * `too-complex` finding instead of hanging a pre-commit hook.
 */
export async function checkSpecs(options: CheckOptions): Promise<CheckRun> {
  const { workspace } = options;
  const { config } = workspace.loaded;
  const override = options.template === undefined ? undefined : fromCommandLine(workspace, options.template);
  const specs = readSpecs(options).filter((spec) => spec.path !== override);
  let texts: TemplateTexts = new Map();
  const source: CheckSource = {
    loaded: workspace.loaded,
    templates: async (paths) => {
      texts = new Map(paths.map((path) => [path, path === override ? readText(resolve(workspace.cwd, options.template!), `The template "${options.template}"`) : readOptional(resolve(workspace.root, path))]));
      return texts;
    },
  };
  // Every entry is checked under this run's version, configuration and templates: opened once the templates are read.
  let cache: CheckCache | undefined;
  const opened = () => (cache ??= CheckCache.open(options.cache!, { version: specgateVersion(), config, template: override ?? null, texts: [...texts] }));
  const memo: CheckMemo<SpecInput> | undefined =
    options.cache === undefined
      ? undefined
      : {
          get: (spec) => asChecked(opened().get(spec.path, contentHash(spec.bytes))),
          set: (spec, _template, checked) => opened().set(checked.report, contentHash(spec.bytes)),
        };
  const base = baseVersions(options, specs);
  let progress: ReturnType<typeof progressBar> | undefined;
  const result = await runPipeline(source, specs, {
    ...(base === undefined ? {} : { base }),
    ...(override === undefined ? {} : { template: override }),
    ...(memo === undefined ? {} : { memo }),
    compileWithoutSpecs: true,
    outlines: true,
    pool: (toCheck) => {
      progress = progressBar(toCheck);
      return new CheckPool({ ...limitsFromEnvironment(), threads: threadCount(toCheck) }, { texts: false, started: takeStarted() });
    },
    onChecked: () => progress?.tick(),
  });
  if (result.kind === 'config-error') {
    if (!workspace.configFile) throw new UsageError(result.problems.map((problem) => problem.message).join('\n'));
    throw new ConfigError(workspace.configFile, result.problems);
  }
  progress?.done();
  if (options.cache !== undefined) opened().save();
  return { report: result.report, specs };
}

/** Where `--since` or `--baseline` finds a spec's base version; undefined: every finding counts. */
function baseVersions(options: CheckOptions, specs: readonly SpecInput[]): PipelineOptions<SpecInput>['base'] {
  if (options.since !== undefined && options.baseline !== undefined) throw new UsageError('--since and --baseline are two baselines: use one at a time.');
  if (options.since !== undefined) {
    const bytesAt = gitVersions(options.workspace, options.since, specs.map((spec) => spec.path));
    return async (spec) => {
      const bytes = bytesAt(spec.path);
      return bytes === undefined ? undefined : { spec: { path: spec.path, bytes } };
    };
  }
  if (options.baseline !== undefined) {
    const saved = reportVersions(options.baseline);
    return async (spec) => {
      const checked = saved(spec.path);
      return checked && { checked };
    };
  }
  return undefined;
}

function asChecked(report: FileReport | undefined): CheckedFile | undefined {
  return report && { report };
}

/**
 * The report for a root and its arguments, for callers that are not a command line (`npm run
 * eval`, the rule pages' tests): the root is both where the arguments start and what the
 * configuration's paths are relative to.
 */
export async function runCheck(options: { root: string; paths: string[]; template?: string; config?: string }): Promise<Report> {
  const workspace = await workspaceAt(options.root, options.config);
  return (await checkSpecs({ workspace, paths: options.paths, ...(options.template === undefined ? {} : { template: options.template }) })).report;
}

function readSpecs(options: CheckOptions): SpecInput[] {
  const { workspace } = options;
  if (options.staged) {
    if (options.paths.length > 0) throw new UsageError('--staged checks the staged spec files; name no paths with it.', true);
    return stagedSpecs(workspace, workspace.loaded.config);
  }
  const paths = findSpecFiles(workspace, options.paths, workspace.loaded.config, { errorOnUnmatched: options.errorOnUnmatched ?? true });
  return paths.map((path) => ({ path, bytes: readFileSync(resolve(workspace.root, path)) }));
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
