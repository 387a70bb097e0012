import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_TEMPLATE } from '../config/builtin-template.js';
import { compilePolicies } from '../config/policies.js';
import { templateFor } from '../config/select.js';
import type { FileReport, Report } from '../render/report.js';
import { checkFile } from '../verdict/evaluate.js';
import { findSpecFiles } from './files.js';
import { progressBar } from './progress.js';
import { ConfigError, openWorkspace, readText, UsageError } from './workspace.js';

export interface CheckOptions {
  root: string;
  paths: string[];
  template?: string;
  config?: string;
}

/** Checks the spec files a command line names and returns the report every format renders. */
export function runCheck(options: CheckOptions): Report {
  const workspace = openWorkspace(options.root, options.config);
  const { config } = workspace.loaded;
  // The template is never one of the specs, however it was found.
  const templateFile = options.template === undefined ? undefined : resolve(options.root, options.template);
  const files = findSpecFiles(options.root, options.paths, config).filter((path) => resolve(options.root, path) !== templateFile);

  // --template wins over the configuration for every file.
  const templateOf = (path: string): string | undefined => options.template ?? templateFor(path, config);
  const needed = files.length > 0 ? files.map(templateOf) : [options.template ?? config.template];
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

  const progress = progressBar(files.length);
  const reports: FileReport[] = files.map((path) => {
    const { report } = checkFile(path, readFileSync(resolve(options.root, path)), templateOf(path), policies, config.max_file_size);
    progress.tick();
    return report;
  });
  progress.done();
  return { template: options.template ?? config.template ?? BUILTIN_TEMPLATE, files: reports };
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
