import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_TEMPLATE } from '../config/builtin-template.js';
import { compilePolicies } from '../config/policies.js';
import { chooseTemplate, neededTemplates, type TemplateChoice } from '../config/select.js';
import type { FileReport, Report } from '../render/report.js';
import { checkFile, unknownTemplateFile } from '../verdict/evaluate.js';
import { CheckCache, contentHash } from './cache.js';
import { checkOnThreads, threadCount } from './check-threads.js';
import { findSpecFiles } from './files.js';
import { progressBar } from './progress.js';
import { specgateVersion } from './version.js';
import { ConfigError, openWorkspace, readText, UsageError } from './workspace.js';

export interface CheckOptions {
  root: string;
  paths: string[];
  template?: string;
  config?: string;
  /** `--cache`: the cache file, relative to the root. */
  cache?: string;
}

/**
 * Checks the spec files a command line names and returns the report every format renders. A large
 * run is spread over worker threads (see `threadCount`); the report is the same either way.
 */
export async function runCheck(options: CheckOptions): Promise<Report> {
  const workspace = openWorkspace(options.root, options.config);
  const { config } = workspace.loaded;
  // The template is never one of the specs, however it was found.
  const templateFile = options.template === undefined ? undefined : resolve(options.root, options.template);
  const files = findSpecFiles(options.root, options.paths, config).filter((path) => resolve(options.root, path) !== templateFile);

  // --template wins over the configuration (and front matter) for every file.
  const bytes = files.map((path) => readFileSync(resolve(options.root, path)));
  const choices: TemplateChoice[] = files.map((path, index) =>
    options.template !== undefined ? { kind: 'template', template: options.template, by: 'path' } : chooseTemplate(path, bytes[index], config),
  );
  const needed = files.length > 0 ? neededTemplates(choices) : [options.template ?? config.template];
  const texts = new Map<string, string | undefined>();
  for (const path of new Set(needed)) {
    if (path === undefined) continue;
    if (path === options.template) texts.set(path, readText(resolve(options.root, path), `The template "${path}"`));
    else texts.set(path, readOptional(resolve(options.root, path)));
  }
  const policies = compilePolicies(workspace.loaded, needed, texts);
  if (policies.problems.length > 0) {
    if (!workspace.configFile) throw new UsageError(policies.problems.map((problem) => problem.message).join('\n'));
    throw new ConfigError(workspace.configFile, policies.problems);
  }

  const cache = options.cache === undefined ? undefined : CheckCache.open(resolve(options.root, options.cache), { version: specgateVersion(), config, template: options.template ?? null, texts: [...texts] });
  const hashes = cache ? bytes.map(contentHash) : [];
  const reports: Array<FileReport | undefined> = files.map((path, index) => cache?.get(path, hashes[index]!));
  const todo = files.flatMap((_, index) => (reports[index] === undefined ? [index] : []));

  const progress = progressBar(todo.length);
  // A spec whose front matter names an unknown template needs no check: its report is the same finding.
  const toCheck: Array<{ index: number; template: string | undefined }> = [];
  for (const index of todo) {
    const choice = choices[index]!;
    if (choice.kind === 'unknown') {
      reports[index] = unknownTemplateFile(files[index]!, choice).report;
      progress.tick();
    } else {
      toCheck.push({ index, template: choice.template });
    }
  }
  const threads = threadCount(todo.length);
  if (threads > 1) {
    const batch = toCheck.map(({ index, template }) => ({ path: files[index]!, bytes: bytes[index]!, template }));
    const fromThreads = await checkOnThreads(batch, { config, needed, texts: [...texts] }, threads, () => progress.tick());
    toCheck.forEach(({ index }, position) => (reports[index] = fromThreads[position]!));
  } else {
    for (const { index, template } of toCheck) {
      reports[index] = checkFile(files[index]!, bytes[index]!, template, policies, config.max_file_size).report;
      progress.tick();
    }
  }
  progress.done();
  if (cache) {
    for (const index of todo) cache.set(reports[index]!, hashes[index]!);
    cache.save();
  }
  return { template: options.template ?? config.template ?? BUILTIN_TEMPLATE, files: reports as FileReport[] };
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
