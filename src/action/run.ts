/**
 * The Action, start to end: read the runner's environment and the inputs, the configuration (from
 * the default branch), then the run's jobs: gather the specs (a pull request's changed ones, or
 * every configured one for any other event), check them through the pipeline, publish the results
 * (annotations, the job summary, the sticky comment, the step outputs). The exit status is the gate.
 */
import { defaultConfig, type LoadedConfig } from '../config/load.js';
import { checkGathered } from './check.js';
import { readRepoConfig, type RepoConfig } from './config.js';
import { readContext, SetupError, type ActionContext } from './environment.js';
import { gather } from './gather.js';
import { createClient } from './github.js';
import { describeOverrides, InputError, readInputs, withOverrides, type ActionInputs } from './inputs.js';
import { publishConfigError, publishInternalError, publishTooManyFiles, publishVerdict } from './publish.js';
import type { ActionRun } from './run-state.js';
import { Workflow } from './workflow.js';

export interface RunOptions {
  /** Milliseconds before the first retry of a failed API request. */
  retryDelayMs?: number;
}

/**
 * Runs the Action in the runner's environment (process.env, as @actions/core reads it): the log
 * and annotations on stdout, outputs and the job summary in the runner's files. Resolves to the
 * exit status.
 */
export async function runAction(options: RunOptions = {}): Promise<number> {
  const workflow = new Workflow();
  let context: ActionContext;
  let inputs: ActionInputs;
  try {
    context = readContext(process.env);
    inputs = readInputs();
  } catch (error) {
    if (!(error instanceof SetupError || error instanceof InputError)) throw error;
    for (const line of error.message.split('\n')) workflow.error(line, { title: 'specgate' });
    return 1;
  }
  const client = inputs.token
    ? createClient({
        token: inputs.token,
        baseUrl: context.apiUrl,
        owner: context.owner,
        repo: context.repo,
        debug: (message) => workflow.debug(message),
        ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
      })
    : undefined;
  const run: ActionRun = { context, inputs, workflow, client, checkName: inputs.overrides.check_name ?? defaultConfig().check_name, conversation: true, notes: [] };
  const status = await gate(run);
  workflow.flush();
  return status;
}

/** Configuration → gather → check → publish; whatever stops it is published as a failure. */
async function gate(run: ActionRun): Promise<number> {
  const { context, workflow } = run;
  workflow.info(`specgate: ${context.pull ? `pull request #${context.pull.number} of ${context.owner}/${context.repo}, head ${context.pull.headSha.slice(0, 7)}` : `${context.eventName || 'an event'} in ${context.owner}/${context.repo}`}`);
  try {
    const repoConfig = await readConfiguration(run);
    if (repoConfig.loaded.problems.length > 0) return publishConfigError(run, repoConfig, repoConfig.loaded.problems);
    const loaded: LoadedConfig = withOverrides(repoConfig.loaded, run.inputs.overrides);
    run.checkName = loaded.config.check_name;

    const checked = await checkGathered(run, await gather(run, loaded.config), loaded, repoConfig);
    if (checked.kind === 'config-error') return publishConfigError(run, repoConfig, checked.problems);
    if (checked.kind === 'too-many') return publishTooManyFiles(run, checked.reason, loaded.config.skip_label);
    return await publishVerdict(run, checked, loaded);
  } catch (error) {
    return publishInternalError(run, error);
  }
}

/** The configuration, and where it came from (and which inputs stand in for its settings) in the log and the summary. */
async function readConfiguration(run: ActionRun): Promise<RepoConfig> {
  const { context, workflow, inputs } = run;
  const repoConfig = await readRepoConfig({ client: run.client, owner: context.owner, repo: context.repo, path: inputs.configPath, workspace: context.workspace, defaultBranch: context.defaultBranch, pullRequest: context.pull !== undefined });
  // A pull request could weaken its own gate through the workspace's copy: that is worth a warning.
  if (repoConfig.fallbackReason && context.pull) workflow.warning(`specgate: ${repoConfig.fallbackReason}.`, { title: 'specgate configuration' });
  else if (repoConfig.fallbackReason) workflow.info(`${repoConfig.fallbackReason[0]!.toUpperCase()}${repoConfig.fallbackReason.slice(1)}.`);
  workflow.info(`Configuration: ${repoConfig.description}.`);
  run.notes.push(`Configuration: ${repoConfig.description}.`);
  const overridden = describeOverrides(inputs.overrides);
  if (overridden.length > 0) {
    const line = `Inputs in place of the configuration's settings: ${overridden.map((name) => `\`${name}\``).join(', ')}.`;
    workflow.info(line);
    run.notes.push(line);
  }
  return repoConfig;
}
