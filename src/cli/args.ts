import { parseArgs } from 'node:util';
import { closest } from '../core/closest.js';
import { UsageError } from './workspace.js';

export const COMMANDS = ['check', 'fix', 'new', 'template', 'init', 'waivers'] as const;
export type Command = (typeof COMMANDS)[number];

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The commands that take it; every command takes `--help` and `--version`. */
  commands: readonly Command[];
}

const CHECKING: readonly Command[] = ['check', 'fix'];

/** Every option of every command. A flag is a name here and nothing else: parseArgs reads them from this table. */
export const OPTIONS = {
  config: { type: 'string', short: 'c', commands: ['check', 'fix', 'new', 'template'] },
  template: { type: 'string', short: 't', commands: ['check', 'fix', 'new', 'template'] },
  format: { type: 'string', short: 'f', commands: ['check', 'waivers'] },
  repo: { type: 'string', commands: ['waivers'] },
  'output-file': { type: 'string', short: 'o', commands: ['check'] },
  quiet: { type: 'boolean', short: 'q', commands: ['check'] },
  'max-warnings': { type: 'string', commands: ['check'] },
  'fail-on': { type: 'string', commands: ['check'] },
  staged: { type: 'boolean', commands: ['check'] },
  since: { type: 'string', commands: ['check'] },
  baseline: { type: 'string', commands: ['check'] },
  cache: { type: 'boolean', commands: ['check'] },
  'cache-location': { type: 'string', commands: ['check'] },
  fix: { type: 'boolean', commands: ['check'] },
  'dry-run': { type: 'boolean', commands: CHECKING },
  'no-error-on-unmatched-pattern': { type: 'boolean', commands: CHECKING },
  for: { type: 'string', commands: ['template'] },
  raw: { type: 'boolean', commands: ['template'] },
  help: { type: 'boolean', short: 'h', commands: COMMANDS },
  version: { type: 'boolean', short: 'v', commands: COMMANDS },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
export type OptionValues = { [Name in OptionName]?: (typeof OPTIONS)[Name]['type'] extends 'string' ? string : boolean };

export interface CommandLine {
  command: Command | undefined;
  positionals: string[];
  values: OptionValues;
}

/**
 * The command line, or a UsageError that says what is wrong in one sentence: an unknown command
 * or option with the nearest known one, an option the command does not take, a missing value.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const options = Object.fromEntries(
    Object.entries(OPTIONS).map(([name, spec]) => [name, 'short' in spec ? { type: spec.type, short: spec.short } : { type: spec.type }]),
  );
  // A lenient pass first, to name an unknown option ourselves instead of showing Node's parser text.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const firstPositional = tokens.find((token) => token.kind === 'positional');
  const word = firstPositional?.kind === 'positional' ? firstPositional.value : undefined;
  if (word !== undefined && !(COMMANDS as readonly string[]).includes(word) && word !== 'help') {
    throw new UsageError(`Unknown command "${word}".${didYouMean(word, COMMANDS)} Commands: ${COMMANDS.join(', ')}.`, true);
  }
  const command = word === 'help' ? undefined : (word as Command | undefined);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, OptionSpec>)[token.name];
    if (spec === undefined) throw unknownOption(token.rawName, command);
    if (command !== undefined && !spec.commands.includes(command)) {
      throw new UsageError(`"${command}" does not take ${token.rawName}. ${optionList(command)}`);
    }
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    // `specgate help` is `specgate --help`.
    const given = word === 'help' ? { ...values, help: true } : values;
    return { command, positionals: word === undefined ? positionals : positionals.slice(1), values: given as OptionValues };
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
}

function unknownOption(rawName: string, command: Command | undefined): UsageError {
  const known = Object.entries(OPTIONS)
    .filter(([, spec]) => command === undefined || (spec.commands as readonly string[]).includes(command))
    .map(([name]) => `--${name}`);
  return new UsageError(`Unknown option "${rawName}".${didYouMean(rawName, known)} ${optionList(command)}`);
}

function optionList(command: Command | undefined): string {
  return `"specgate ${command === undefined ? '' : `${command} `}--help" lists the options.`;
}

function describeParseError(error: Error & { code?: string }): string {
  // Node names the option as '-f, --format <value>': say it by its long name, in one sentence.
  const quoted = /'(-[^']*)'/.exec(error.message)?.[1];
  const option = quoted?.split(', ').at(-1)?.replace(/ <value>$/, '');
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    const spec = (OPTIONS as Record<string, OptionSpec>)[option.replace(/^-+/, '')];
    return spec?.type === 'boolean' ? `${option} takes no value.` : `${option} needs a value.`;
  }
  return `${error.message.split('. ')[0]!.replace(/\.$/, '')}.`;
}

/** " Did you mean "x"?" for the nearest candidate, or nothing when none is near. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const best = closest(word, candidates);
  return best === undefined ? '' : ` Did you mean "${best}"?`;
}
