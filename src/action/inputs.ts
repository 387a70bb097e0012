/** The Action's inputs (action.yml), read with @actions/core as the runner passes them. */
import * as core from '@actions/core';
import type { LoadedConfig, SpecgateConfig } from '../config/load.js';
import { CONFIG_SCHEMA } from '../config/schema.js';

export const DEFAULT_CONFIG_PATH = '.github/specgate.yml';

export type FailOn = 'error' | 'warning' | 'never';
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
const COMMENT = CONFIG_SCHEMA.properties.comment.enum;

export interface ActionInputs {
  /** The configuration file's path in the repository. */
  configPath: string;
  /** Settings given as inputs: they win over the configuration file's. */
  overrides: Partial<Pick<SpecgateConfig, 'paths' | 'template' | 'check_name' | 'comment'>>;
  failOn: FailOn;
  /** Empty: no API calls (the workspace is all there is). */
  token: string;
}

/** Inputs the step cannot run with, each named as the workflow file writes it. */
export class InputError extends Error {}

export function readInputs(): ActionInputs {
  const input = (name: string): string => core.getInput(name);
  const problems: string[] = [];
  const overrides: ActionInputs['overrides'] = {};

  // One glob per line: a comma is part of glob syntax (`{a,b}`), so it cannot separate them.
  const paths = core.getMultilineInput('paths').filter((line) => !line.startsWith('#'));
  if (paths.length > 0) overrides.paths = paths;
  const template = input('template');
  if (template !== '') overrides.template = template;
  const checkName = input('check-name');
  if (checkName.length > 100) problems.push('The input "check-name" must be at most 100 characters.');
  else if (checkName !== '') overrides.check_name = checkName;
  const comment = input('comment');
  if (comment !== '') {
    if ((COMMENT as readonly string[]).includes(comment)) overrides.comment = comment as SpecgateConfig['comment'];
    else problems.push(`The input "comment" must be one of: ${COMMENT.join(', ')} (not "${comment}").`);
  }
  const failOn = input('fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) problems.push(`The input "fail-on" must be one of: ${FAIL_ON.join(', ')} (not "${failOn}").`);

  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return { configPath: input('config') || DEFAULT_CONFIG_PATH, overrides, failOn: failOn as FailOn, token: input('github-token') };
}

/** The configuration with the inputs' settings in place of the file's. */
export function withOverrides(loaded: LoadedConfig, overrides: ActionInputs['overrides']): LoadedConfig {
  return { ...loaded, config: { ...loaded.config, ...overrides } };
}

/** The inputs given, for the log: `paths`, `template`, … */
export function describeOverrides(overrides: ActionInputs['overrides']): string[] {
  const names: Record<keyof ActionInputs['overrides'], string> = { paths: 'paths', template: 'template', check_name: 'check-name', comment: 'comment' };
  return (Object.keys(overrides) as Array<keyof ActionInputs['overrides']>).map((key) => names[key]);
}
