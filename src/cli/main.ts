import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILTIN_TEMPLATE, builtinTemplate } from '../config/builtin-template.js';
import { compilePolicy } from '../config/compiled-policy.js';
import { policyOptions } from '../config/load.js';
import { fileStatus, type Report } from '../render/report.js';
import { renderGithub } from '../render/github.js';
import { renderJson } from '../render/json.js';
import { renderSarif } from '../render/sarif.js';
import { renderTemplateOutline } from '../render/template-outline.js';
import { renderText } from '../render/text.js';
import { runCheck } from './check-command.js';
import { runInit } from './init-command.js';
import { specgateVersion } from './version.js';
import { openWorkspace, readText, UsageError } from './workspace.js';

const USAGE = `Usage:
  specgate check [PATH|GLOB ...] [--template FILE] [--config FILE] [--format text|json|sarif|github] [--cache] [--cache-location FILE]
  specgate template [--template FILE] [--config FILE] [--raw]
  specgate init

check     Check spec files against the template. With no paths, checks the configured paths.
          --cache keeps each file's findings by the hash of its bytes (in .specgatecache, or
          --cache-location), so a re-run checks only what changed.
template  Print the template in effect: each section, whether it is required, and why.
          --raw prints the template's text instead.
init      Write a starter .github/specgate.yml and docs/specs/TEMPLATE.md (never overwrites).

Exit codes: 0 all specs complete, 1 a spec has an error, 2 usage, configuration or template error.`;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

function render(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, specgateVersion());
    case 'github':
      return renderGithub(report);
    case 'text':
      return renderText(report, { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string', default: 'text' },
      cache: { type: 'boolean', default: false },
      raw: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) return print(`${specgateVersion()}\n`, 0);
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return print(`${USAGE}\n`, 0);
  const root = process.cwd();
  switch (command) {
    case 'check': {
      const format = values.format as Format;
      if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}". Formats: ${FORMATS.join(', ')}.`, true);
      const cache = values.cache || values['cache-location'] !== undefined ? (values['cache-location'] ?? '.specgatecache') : undefined;
      const report = await runCheck({ root, paths: rest, template: values.template, config: values.config, ...(cache === undefined ? {} : { cache }) });
      return print(render(report, format), report.files.some((file) => fileStatus(file) === 'fail') ? 1 : 0);
    }
    case 'template': {
      const { config } = openWorkspace(root, values.config).loaded;
      const path = values.template ?? config.template;
      const text = path ? readText(resolve(root, path), `The template "${path}"`) : builtinTemplate();
      if (values.raw) return print(text, 0);
      return print(renderTemplateOutline(compilePolicy(text, policyOptions(config)).policy, path ?? BUILTIN_TEMPLATE), 0);
    }
    case 'init':
      return print(`${runInit(root).join('\n')}\n`, 0);
    case undefined:
      throw new UsageError('Name a command.', true);
    default:
      throw new UsageError(`Unknown command "${command}".`, true);
  }
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
    // parseArgs reports unknown options with a code; both are the user's to fix.
    const badArgs = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    if (!(error instanceof UsageError) && !badArgs) throw error;
    process.stderr.write(`specgate: ${(error as Error).message}\n`);
    if (badArgs || (error as UsageError).showUsage) process.stderr.write(`\n${USAGE}\n`);
    process.exitCode = 2;
  },
);
