/**
 * The one check pipeline: choose each spec's template, compile the policies, check every spec,
 * and return the report. The app, the Action and the CLI each read their own files, templates and
 * configuration (the `CheckSource` they hand in) and decide and publish on their own; everything
 * between is here, once.
 */
import { BUILTIN_TEMPLATE, builtinTemplate } from '../config/builtin-template.js';
import type { ConfigProblem, LoadedConfig } from '../config/load.js';
import { compilePolicies, type Policies, type TemplateTexts } from '../config/policies.js';
import { chooseTemplate, neededTemplates, type TemplateChoice } from '../config/select.js';
import type { CheckedVersion } from '../core/baseline.js';
import { againstBase } from '../verdict/baseline.js';
import { checkFile, unknownTemplateFile, type CheckedFile } from '../verdict/evaluate.js';
import type { Report } from '../verdict/report.js';
import { checkOnPool, type CheckPool } from './check-pool.js';
import { outlinesOf } from './outlines.js';

/** A spec to check: a path relative to the repository root, and its bytes. */
export interface SpecToCheck {
  path: string;
  bytes: Uint8Array;
}

/** What a door reads its own way: the configuration it loaded, and templates by repository path. */
export interface CheckSource {
  loaded: LoadedConfig;
  /** Template texts by path (undefined: no such file), asked once with every path the specs need. */
  templates(paths: readonly string[]): Promise<TemplateTexts>;
  /**
   * The configuration's lines, read again only when a problem must point at one: a door whose
   * `loaded` came without lines (Probot's loader) gives this; one that parsed the file leaves it out.
   */
  configLines?(): Promise<LoadedConfig['lineOf']>;
}

/** The template a spec was checked against: part of what a remembered check is keyed by. */
export interface TemplateUsed {
  path: string | undefined;
  text: string;
}

/** Checks remembered between runs (the app's memory, the CLI's `--cache`). */
export interface CheckMemo<S extends SpecToCheck> {
  get(spec: S, template: TemplateUsed): CheckedFile | undefined;
  set(spec: S, template: TemplateUsed, checked: CheckedFile): void;
}

export interface PipelineOptions<S extends SpecToCheck> {
  /** One template for every spec, over the configuration and the front matter (`--template`). */
  template?: string;
  /** With no spec to check, compile the configured template all the same, so its problems still show. */
  compileWithoutSpecs?: boolean;
  /** Worker threads, or how to open them for the specs not remembered (then closed here); else this thread. */
  pool?: CheckPool | ((toCheck: number) => CheckPool);
  memo?: CheckMemo<S>;
  /** Called as each spec not remembered is checked (a progress bar). */
  onChecked?: () => void;
  /** Reports the door already made (a linked spec that is not there), after the specs'. */
  prejudged?: readonly CheckedFile[];
  /** Each template's sections in the report, for the HTML page's columns. */
  outlines?: boolean;
  /**
   * `enforce: new-problems`: a spec's base version, as bytes to check under the spec's own template
   * (the same policy: debt is measured by today's rules) or as the findings a saved report holds.
   * Undefined: the spec is new. The findings its base had become `existing:` notices.
   */
  base?: (spec: S) => Promise<BaseVersion<S> | undefined>;
}

export type BaseVersion<S> = { spec: S } | { checked: CheckedVersion };

/** A spec's check, with the door's own spec beside it (undefined for a prejudged report). */
export type SpecChecked<S> = CheckedFile & { spec?: S };

export type PipelineResult<S> =
  | { kind: 'config-error'; problems: ConfigProblem[] }
  | { kind: 'checked'; report: Report; checked: Array<SpecChecked<S>> };

export async function checkSpecs<S extends SpecToCheck>(source: CheckSource, specs: readonly S[], options: PipelineOptions<S> = {}): Promise<PipelineResult<S>> {
  const { config } = source.loaded;
  const override = options.template;
  const choices: TemplateChoice[] = specs.map((spec) =>
    override !== undefined ? { kind: 'template', template: override, by: 'path' } : chooseTemplate(spec.path, spec.bytes, config),
  );
  const needed = specs.length > 0 || !options.compileWithoutSpecs ? neededTemplates(choices) : [override ?? config.template];
  const compiled = await compile(source, needed);
  if (compiled.kind === 'config-error') return compiled;
  const { policies, texts } = compiled;

  const checked: Array<SpecChecked<S> | undefined> = specs.map((spec, index) => {
    const choice = choices[index]!;
    // A spec whose front matter names an unknown template needs no check: its report is that finding.
    if (choice.kind === 'unknown') return { spec, ...unknownTemplateFile(spec.path, choice) };
    const remembered = options.memo?.get(spec, templateUsed(choice.template, texts));
    return remembered && { spec, ...remembered };
  });
  const todo = specs.flatMap((_, index) => (checked[index] === undefined ? [index] : []));
  const pool = typeof options.pool === 'function' ? options.pool(todo.length) : options.pool;
  const checkOne = async (spec: S, template: TemplateUsed): Promise<CheckedFile> => {
    const remembered = options.memo?.get(spec, template);
    if (remembered) return remembered;
    const result = pool ? await checkOnPool(pool, spec, template, config) : checkFile(spec.path, spec.bytes, template.path, policies, config.max_file_size);
    // A file the pool gave up on may pass under a lighter load: only real verdicts are remembered.
    if (!result.report.findings.some((finding) => finding.rule === 'too-complex')) options.memo?.set(spec, template, result);
    return result;
  };
  const templateOf = (index: number) => templateUsed((choices[index] as Extract<TemplateChoice, { kind: 'template' }>).template, texts);
  try {
    await Promise.all(
      todo.map(async (index) => {
        checked[index] = { spec: specs[index]!, ...(await checkOne(specs[index]!, templateOf(index))) };
        options.onChecked?.();
      }),
    );
    const { base } = options;
    if (base) {
      await Promise.all(
        specs.map(async (spec, index) => {
          const head = checked[index]!;
          const found = choices[index]!.kind === 'template' ? await base(spec) : undefined;
          const version = found && ('checked' in found ? found.checked : (await checkOne(found.spec, templateOf(index))).report);
          checked[index] = { ...head, report: againstBase(head.report, version) };
        }),
      );
    }
  } finally {
    if (typeof options.pool === 'function') await pool?.close();
  }
  const all = [...(checked as Array<SpecChecked<S>>), ...(options.prejudged ?? [])];
  const report: Report = { template: override ?? config.template ?? BUILTIN_TEMPLATE, files: all.map((file) => file.report) };
  if (options.outlines) report.outlines = outlinesOf(policies, needed);
  return { kind: 'checked', report, checked: all };
}

type Compiled = { kind: 'compiled'; policies: Policies; texts: TemplateTexts } | { kind: 'config-error'; problems: ConfigProblem[] };

/** One policy per template; a problem points at its line of the configuration file when there is one. */
async function compile(source: CheckSource, needed: ReadonlyArray<string | undefined>): Promise<Compiled> {
  const paths = [...new Set(needed)].filter((path): path is string => path !== undefined);
  const texts = paths.length > 0 ? await source.templates(paths) : new Map<string, string | undefined>();
  const policies = compilePolicies(source.loaded, needed, texts);
  if (policies.problems.length === 0) return { kind: 'compiled', policies, texts };
  if (!source.configLines) return { kind: 'config-error', problems: policies.problems };
  // Compiled again with the file's lines, so each problem points at the key that caused it.
  const located = { ...source.loaded, lineOf: await source.configLines() };
  return { kind: 'config-error', problems: compilePolicies(located, needed, texts).problems };
}

function templateUsed(path: string | undefined, texts: TemplateTexts): TemplateUsed {
  return { path, text: path === undefined ? builtinTemplate() : texts.get(path)! };
}
