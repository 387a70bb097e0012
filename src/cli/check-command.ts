import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_TEMPLATE, builtinTemplate } from '../config/builtin-template.js';
import { compilePolicies, type Policies } from '../config/policies.js';
import type { TemplateSection } from '../core/template.js';
import { chooseTemplate, neededTemplates, type TemplateChoice } from '../config/select.js';
import { CheckPool, checkOnPool, limitsFromEnvironment } from '../pipeline/check-pool.js';
import type { FileReport, Report, SectionOutline } from '../render/report.js';
import type { CheckedVersion } from '../core/baseline.js';
import { againstBase } from '../verdict/baseline.js';
import { unknownTemplateFile } from '../verdict/evaluate.js';
import { gitVersions, reportVersions } from './base-versions.js';
import { CheckCache, contentHash } from './cache.js';
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

  const choices: TemplateChoice[] = specs.map((spec) =>
    override !== undefined ? { kind: 'template', template: override, by: 'path' } : chooseTemplate(spec.path, spec.bytes, config),
  );
  const needed = specs.length > 0 ? neededTemplates(choices) : [override ?? config.template];
  const texts = new Map<string, string | undefined>();
  for (const path of new Set(needed)) {
    if (path === undefined) continue;
    texts.set(path, path === override ? readText(resolve(workspace.cwd, options.template!), `The template "${options.template}"`) : readOptional(resolve(workspace.root, path)));
  }
  const policies = compilePolicies(workspace.loaded, needed, texts);
  if (policies.problems.length > 0) {
    if (!workspace.configFile) throw new UsageError(policies.problems.map((problem) => problem.message).join('\n'));
    throw new ConfigError(workspace.configFile, policies.problems);
  }

  const cache = options.cache === undefined ? undefined : CheckCache.open(options.cache, { version: specgateVersion(), config, template: override ?? null, texts: [...texts] });
  const hashes = cache ? specs.map((spec) => contentHash(spec.bytes)) : [];
  const reports: Array<FileReport | undefined> = specs.map((spec, index) => cache?.get(spec.path, hashes[index]!));
  const todo = specs.flatMap((_, index) => (reports[index] === undefined ? [index] : []));

  const baseOf = baseVersions(options);
  const progress = progressBar(todo.length);
  const pool = new CheckPool({ ...limitsFromEnvironment(), threads: threadCount(todo.length) });
  const checkOne = async (spec: SpecInput, choice: TemplateChoice): Promise<FileReport> =>
    // A spec whose front matter names an unknown template needs no check: its report is that finding.
    choice.kind === 'unknown'
      ? unknownTemplateFile(spec.path, choice).report
      : (await checkOnPool(pool, spec, { path: choice.template, text: choice.template === undefined ? builtinTemplate() : texts.get(choice.template)! }, config)).report;
  let shown: FileReport[];
  try {
    await Promise.all(
      todo.map(async (index) => {
        reports[index] = await checkOne(specs[index]!, choices[index]!);
        progress.tick();
      }),
    );
    // The base version is checked against the spec's template of now: debt is measured by today's rules.
    shown = baseOf
      ? await Promise.all(specs.map(async (spec, index) => againstBase(reports[index]!, await baseOf(spec, (base) => checkOne(base, choices[index]!)))))
      : (reports as FileReport[]);
  } finally {
    await pool.close();
  }
  progress.done();
  if (cache) {
    for (const index of todo) cache.set(reports[index]!, hashes[index]!);
    cache.save();
  }
  const report: Report = { template: override ?? config.template ?? BUILTIN_TEMPLATE, files: shown, outlines: outlinesOf(policies, needed) };
  return { report, specs };
}

type BaseOf = (spec: SpecInput, check: (base: SpecInput) => Promise<CheckedVersion>) => Promise<CheckedVersion | undefined>;

/** Where `--since` or `--baseline` finds a spec's base version; undefined: every finding counts. */
function baseVersions(options: CheckOptions): BaseOf | undefined {
  if (options.since !== undefined && options.baseline !== undefined) throw new UsageError('--since and --baseline are two baselines: use one at a time.');
  if (options.since !== undefined) {
    const bytesAt = gitVersions(options.workspace, options.since);
    return async (spec, check) => {
      const bytes = bytesAt(spec.path);
      return bytes === undefined ? undefined : check({ path: spec.path, bytes });
    };
  }
  if (options.baseline !== undefined) {
    const saved = reportVersions(options.baseline);
    return async (spec) => saved(spec.path);
  }
  return undefined;
}

/** Each template's sections in order, for the HTML report's columns. */
function outlinesOf(policies: Policies, needed: ReadonlyArray<string | undefined>): Record<string, SectionOutline[]> {
  const outlines: Record<string, SectionOutline[]> = {};
  for (const path of new Set(needed)) {
    const policy = policies.get(path)!;
    const depth = (section: TemplateSection): number => (section.parent ? depth(section.parent) + 1 : 0);
    outlines[path ?? BUILTIN_TEMPLATE] = policy.template.all.map((section) => ({ name: section.name, depth: depth(section), required: policy.isRequired(section) }));
  }
  return outlines;
}

/**
 * The report for a root and its arguments, for callers that are not a command line (`npm run
 * eval`, the rule pages' tests): the root is both where the arguments start and what the
 * configuration's paths are relative to.
 */
export async function runCheck(options: { root: string; paths: string[]; template?: string; config?: string }): Promise<Report> {
  const workspace = workspaceAt(options.root, options.config);
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
