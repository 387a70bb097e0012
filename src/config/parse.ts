/**
 * Reading a configuration file: YAML parsed with lines kept, then validated against the schema,
 * each problem pointing at its line. Apart from load.ts (the configuration's shape and defaults)
 * because its two libraries (ajv, yaml) are a tenth of a second to load: a CLI run with no
 * configuration file, and the check threads, never load them.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { closest } from '../core/closest.js';
import { statusRank } from '../core/status.js';
import { defaultConfig, resolveConfig, type ConfigProblem, type LoadedConfig, type Path, type SpecgateConfig } from './load.js';
import { CONFIG_SCHEMA } from './schema.js';

// Compiled on first use (about a quarter of a second): a run with no configuration file never needs it.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA));
const KNOWN_KEYS = Object.keys(CONFIG_SCHEMA.properties);
// Enough for real anchors; a "billion laughs" file stops here instead of exhausting memory.
const MAX_ALIASES = 100;

/** Parses and validates YAML text. Problems are values: the caller decides how loud to be. */
export function parseConfig(text: string): LoadedConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  // Warnings include unresolved tags (`!!js/function`): refuse them rather than guess what was meant.
  const yamlProblems = [...document.errors, ...document.warnings];
  if (yamlProblems.length > 0) {
    const problems = yamlProblems.map((error) => ({
      key: '',
      line: lineAt(error.pos[0]),
      message: `The configuration is not valid YAML: ${firstLine(error.message)}`,
    }));
    return { config: defaultConfig(), problems, lineOf: () => 1 };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = `The configuration cannot be read: ${firstLine(String(error))}`;
    return { config: defaultConfig(), problems: [{ key: '', line: 1, message }], lineOf: () => 1 };
  }
  return validateConfig(value ?? {}, (path) => locate(document, path, lineAt));
}

/** Validates a configuration that is already an object (as Probot's `context.config` returns it). */
export function validateConfig(value: unknown, lineOf: (path: Path) => number = () => 1): LoadedConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const problems = [{ key: '', line: 1, message: 'The configuration must be a mapping of keys to values.' }];
    return { config: defaultConfig(), problems, lineOf };
  }
  const validate = validator();
  const errors = validate(value) ? [] : (validate.errors ?? []);
  // ajv reports a bad rule name twice: the name (with propertyName set) and the propertyNames keyword.
  const problems = errors.filter((error) => error.keyword !== 'propertyNames').map((error) => describe(error, lineOf));
  const input = value as Partial<SpecgateConfig>;
  if (input.order !== undefined && input.rules?.['section-order'] !== undefined) {
    problems.push({ key: 'order', line: lineOf(['order']), message: 'Set the severity of section-order once: with "order" or with "rules.section-order", not both.' });
  }
  if (problems.length === 0) problems.push(...unorderedStatuses(input, lineOf));
  return { config: problems.length === 0 ? resolveConfig(input) : defaultConfig(), problems: dedupe(problems), lineOf };
}

/** A section's `required_from` must name a status of the order, or it could never be compared. */
function unorderedStatuses(input: Partial<SpecgateConfig>, lineOf: (path: Path) => number): ConfigProblem[] {
  const order = input.status_order ?? Object.keys(input.statuses ?? {});
  return Object.entries(input.sections ?? {}).flatMap(([name, section]) => {
    const from = section.required_from;
    if (from === undefined || statusRank(from, order) !== undefined) return [];
    const listed = order.length > 0 ? `: ${order.join(', ')}` : '; neither "status_order" nor "statuses" lists any';
    const path = ['sections', name, 'required_from'];
    return [{ key: path.join('.'), line: lineOf(path), message: `"${from}" in "sections.${name}.required_from" is not a status of the order${listed}.` }];
  });
}

function describe(error: ErrorObject, lineOf: (path: Path) => number): ConfigProblem {
  const path = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = path.join('.');
  if (error.propertyName !== undefined && path[0] === 'named_templates') {
    return {
      key: [...path, error.propertyName].join('.'),
      line: lineOf([...path, error.propertyName]),
      message: `The template name "${error.propertyName}" in "named_templates" must start with a letter or digit and hold only letters, digits, ".", "_" and "-".`,
    };
  }
  if (error.propertyName !== undefined) {
    const hint = closest(error.propertyName, RULES);
    return {
      key: [...path, error.propertyName].join('.'),
      line: lineOf([...path, error.propertyName]),
      message: `Unknown rule "${error.propertyName}" in "${key}".${hint ? ` Did you mean "${hint}"?` : ''} Rules: ${RULES.join(', ')}.`,
    };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(error.params.additionalProperty);
      const known = knownKeysAt(path);
      const hint = closest(unknown, known);
      const where = key ? ` in "${key}"` : '';
      return {
        key: [...path, unknown].join('.'),
        line: lineOf([...path, unknown]),
        message: `Unknown key "${unknown}"${where}.${hint ? ` Did you mean "${hint}"?` : ''} Known keys: ${known.join(', ')}.`,
      };
    }
    case 'enum':
      return { key, line: lineOf(path), message: `"${key}" must be one of: ${(error.params.allowedValues as string[]).join(', ')}.` };
    case 'type':
      return { key, line: lineOf(path), message: `"${key}" must be ${article(String(error.params.type))}.` };
    default:
      return { key, line: lineOf(path), message: `"${key || 'configuration'}" ${error.message ?? 'is not valid'}.` };
  }
}

const RULES: readonly string[] = CONFIG_SCHEMA.properties.rules.propertyNames.enum;

function knownKeysAt(path: string[]): string[] {
  if (path.length === 0) return KNOWN_KEYS;
  if (path[0] === 'require_spec') return Object.keys(CONFIG_SCHEMA.properties.require_spec.properties);
  if (path[0] === 'waivers') return Object.keys(path.length > 1 ? CONFIG_SCHEMA.properties.waivers.properties.allowed.properties : CONFIG_SCHEMA.properties.waivers.properties);
  return Object.keys(CONFIG_SCHEMA.properties.sections.additionalProperties.properties);
}

function article(type: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a mapping', string: 'a string', integer: 'a whole number', boolean: 'true or false', number: 'a number' };
  return names[type] ?? type;
}

// Several schema branches can fail on one key; one line per key and message is enough.
function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(problem.key + problem.message) && seen.add(problem.key + problem.message));
}

/** The line of the key (or item) a path names, or of its nearest ancestor the document has. */
function locate(document: Document, path: Path, lineAt: (offset: number) => number): number {
  let node: Node | null | undefined = document.contents;
  let line = node?.range ? lineAt(node.range[0]) : 1;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lineAt(keyNode.range[0]);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment !== 'symbol') {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else break;
  }
  return line;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
