import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_TEMPLATE, builtinTemplate } from '../config/builtin-template.js';
import { compilePolicy } from '../config/compiled-policy.js';
import { policyOptions } from '../config/load.js';
import type { Report } from '../verdict/report.js';
import { renderJson } from '../render/json.js';
import { renderTemplateOutline } from '../render/template-outline.js';
import { renderText } from '../render/text.js';
import { parseCommandLine, type OptionValues } from './args.js';
import { checkSpecs, type CheckOptions } from './check-command.js';
import { errorsOnly, gateFrom, outcome } from './outcome.js';
import { templateForPath } from './template-source.js';
import { USAGE } from './usage.js';
import { specgateVersion } from './version.js';
import { openWorkspace, readText, UsageError, type Workspace } from './workspace.js';

const FORMATS = ['text', 'json', 'sarif', 'github', 'html'] as const;
type Format = (typeof FORMATS)[number];

// A plain check loads only what it uses: the other formats and commands (and the diff library
// behind --dry-run) are imported when asked for, which keeps them out of every cold start.
async function render(report: Report, format: Format, options: { toTerminal: boolean; staged: boolean }): Promise<string> {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return (await import('../render/sarif.js')).renderSarif(report, specgateVersion());
    case 'github':
      return (await import('../render/github.js')).renderGithub(report);
    case 'html':
      return (await import('../render/html.js')).renderHtml(report, { version: specgateVersion() });
    case 'text':
      return renderText(report, {
        color: options.toTerminal && process.stdout.isTTY === true && !process.env.NO_COLOR,
        ...(options.staged ? { empty: 'No staged spec files: nothing to check.' } : {}),
      });
  }
}

async function main(argv: string[]): Promise<number> {
  const { command, positionals, values } = parseCommandLine(argv);
  if (values.version) return print(`${specgateVersion()}\n`, 0);
  if (values.help) return print(`${USAGE}\n`, 0);
  if (command === undefined) throw new UsageError('Name a command.', true);
  const cwd = process.cwd();
  if (command === 'init') return print((await import('./init-command.js')).runInit(cwd), 0);
  if (command === 'waivers') return waivers(values);
  const workspace = await openWorkspace(cwd, values.config);
  switch (command) {
    case 'check':
    case 'fix':
      return check(workspace, positionals, values, command === 'fix');
    case 'new':
      return print((await import('./new-command.js')).runNew(workspace, positionals[0], values.template), 0);
    case 'template':
      return printTemplate(workspace, values);
  }
}

async function waivers(values: OptionValues): Promise<number> {
  const { listWaivers, renderWaivers } = await import('./waivers-command.js');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format "${format}" for waivers. Formats: text, json.`);
  const found = await listWaivers(values.repo);
  const repository = values.repo ?? process.env.GITHUB_REPOSITORY ?? '';
  return print(format === 'json' ? `${JSON.stringify({ version: 1, repository, waivers: found }, null, 2)}
` : renderWaivers(found, repository), 0);
}

async function check(workspace: Workspace, paths: string[], values: OptionValues, fixCommand: boolean): Promise<number> {
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}". Formats: ${FORMATS.join(', ')}.`);
  const gate = gateFrom(values);
  const fix = fixCommand || values.fix === true;
  if (values['dry-run'] && !fix) throw new UsageError('--dry-run goes with --fix (or the fix command).');
  if (fix && values.staged) throw new UsageError('--fix edits the working tree, --staged checks the index: use one at a time.');
  const cacheOption = values.cache || values['cache-location'] !== undefined ? (values['cache-location'] ?? '.specgatecache') : undefined;
  const options: CheckOptions = {
    workspace,
    paths,
    template: values.template,
    staged: values.staged === true,
    errorOnUnmatched: values['no-error-on-unmatched-pattern'] !== true,
    ...(values.since === undefined ? {} : { since: values.since }),
    ...(values.baseline === undefined ? {} : { baseline: resolve(workspace.cwd, values.baseline) }),
    // The default cache sits at the root; a --cache-location is relative to where specgate runs.
    ...(cacheOption === undefined ? {} : { cache: resolve(values['cache-location'] === undefined ? workspace.root : workspace.cwd, cacheOption) }),
  };
  let unchanged: Report | undefined;
  if (fix) {
    const { applyFixes, fixesAsDiff, planFixes } = await import('./fix-command.js');
    const planned = await planFixes(options);
    if (values['dry-run']) return print(fixesAsDiff(planned.fixes), planned.fixes.length > 0 ? 1 : 0);
    process.stderr.write(applyFixes(workspace.root, planned.fixes));
    // Nothing written: the check already made is the answer; otherwise the fixed files are checked again.
    if (planned.fixes.length === 0) unchanged = planned.report;
  }
  const report = unchanged ?? (await checkSpecs(options)).report;
  const shown = values.quiet ? errorsOnly(report) : report;
  const output = await render(shown, format, { toTerminal: values['output-file'] === undefined, staged: options.staged === true });
  if (values['output-file'] === undefined) process.stdout.write(output);
  else writeFileSync(resolve(workspace.cwd, values['output-file']), output);
  const { code, why } = outcome(report, gate);
  if (why !== undefined) process.stderr.write(`specgate: ${why}\n`);
  return code;
}

/** The template in effect (or the one `--for PATH` gets): its outline, or with --raw its text. */
function printTemplate(workspace: Workspace, values: OptionValues): number {
  const { config } = workspace.loaded;
  let name: string;
  let text: string;
  if (values.for !== undefined) {
    ({ name, text } = templateForPath(workspace, values.for));
  } else {
    const path = values.template ?? config.template;
    // --template is relative to where specgate runs; the configuration's, to the root.
    const absolute = path === undefined ? undefined : values.template === undefined ? resolve(workspace.root, path) : resolve(workspace.cwd, path);
    name = path ?? BUILTIN_TEMPLATE;
    text = absolute === undefined ? builtinTemplate() : readText(absolute, `The template "${path}"`);
  }
  if (values.raw) return print(text, 0);
  return print(renderTemplateOutline(compilePolicy(text, policyOptions(config, name === BUILTIN_TEMPLATE ? undefined : name)).policy, name), 0);
}

function print(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`specgate: ${error.message}\n`);
    if (error.showUsage) process.stderr.write(`\n${USAGE}\n`);
    process.exitCode = 2;
  },
);
