/**
 * The Action, start to end: read the runner's environment and the inputs, the configuration (from
 * the default branch), the specs (a pull request's changed ones, or every configured one for any
 * other event), check them with the core, then report: annotations, the job summary, the sticky
 * comment, the step outputs. The exit status is the gate.
 */
import { defaultConfig, parseConfig, type ConfigProblem, type LoadedConfig, type SpecgateConfig } from '../config/load.js';
import { specSelector } from '../config/select.js';
import { readSpecs, specsToRead } from '../github/changed-specs.js';
import { compareCommits, filesOfCommit, type ListedFiles } from '../github/compare.js';
import { readTextFile } from '../github/contents.js';
import { withEverySpec } from '../github/spec-trees.js';
import { baseVersionsAt } from '../github/base-versions.js';
import { checkSpecs, type CheckSource } from '../pipeline/check-specs.js';
import { configuredSpecs } from '../pipeline/workspace-specs.js';
import { renderConfigError, renderTooManyFiles, type Links } from '../render/check-run.js';
import { renderStickyComment } from '../render/sticky-comment.js';
import { filesNeedingSpec, type ChangedFile } from '../verdict/changes.js';
import { fileStatus, plural, summarize, type FileReport, type Report } from '../verdict/report.js';
import { decide, withNotices, type PullRequestState, type Verdict } from '../verdict/verdict.js';
import { readRepoConfig, type RepoConfig } from './config.js';
import { readContext, SetupError, type ActionContext, type MergeGroupContext, type PullRequestContext } from './environment.js';
import { createClient, describeError, type ApiClient } from './github.js';
import { describeOverrides, InputError, readInputs, withOverrides, type ActionInputs } from './inputs.js';
import { listPullFiles } from './pull-files.js';
import { readSpec, readWorkspaceFile, type SpecSource } from './spec-files.js';
import { writeStickyComment } from './sticky-comment.js';
import { icon, jobSummary, problemSummary } from './summary.js';
import { readTemplates } from './templates.js';
import { Workflow } from './workflow.js';

/** Blob downloads at once: fast, and far below GitHub's concurrency limits. */
const BLOB_CONCURRENCY = 8;
/** Annotations of one level that GitHub shows for a step; the rest stay in the log only. */
const ANNOTATIONS_SHOWN = 10;

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
  const status = await new Gate(context, inputs, workflow, client).run();
  workflow.flush();
  return status;
}

type Checked =
  | { kind: 'config-error'; problems: ConfigProblem[] }
  | { kind: 'too-many'; reason: string }
  | { kind: 'checked'; verdict: Verdict; notes: string[]; emptyText?: string };

class Gate {
  private checkName: string;
  /** False for a commit that is no longer the pull request's head: it keeps out of the conversation. */
  private conversation = true;
  private readonly notes: string[] = [];

  constructor(
    private readonly context: ActionContext,
    private readonly inputs: ActionInputs,
    private readonly workflow: Workflow,
    private readonly client: ApiClient | undefined,
  ) {
    this.checkName = inputs.overrides.check_name ?? defaultConfig().check_name;
  }

  async run(): Promise<number> {
    const { context, workflow } = this;
    workflow.info(`specgate: ${context.pull ? `pull request #${context.pull.number} of ${context.owner}/${context.repo}, head ${context.pull.headSha.slice(0, 7)}` : `${context.eventName || 'an event'} in ${context.owner}/${context.repo}`}`);
    try {
      const repoConfig = await readRepoConfig({ client: this.client, owner: context.owner, repo: context.repo, path: this.inputs.configPath, workspace: context.workspace, defaultBranch: context.defaultBranch, pullRequest: context.pull !== undefined });
      // A pull request could weaken its own gate through the workspace's copy: that is worth a warning.
      if (repoConfig.fallbackReason && context.pull) workflow.warning(`specgate: ${repoConfig.fallbackReason}.`, { title: 'specgate configuration' });
      else if (repoConfig.fallbackReason) workflow.info(`${repoConfig.fallbackReason[0]!.toUpperCase()}${repoConfig.fallbackReason.slice(1)}.`);
      workflow.info(`Configuration: ${repoConfig.description}.`);
      this.notes.push(`Configuration: ${repoConfig.description}.`);
      const overridden = describeOverrides(this.inputs.overrides);
      if (overridden.length > 0) {
        const line = `Inputs in place of the configuration's settings: ${overridden.map((name) => `\`${name}\``).join(', ')}.`;
        workflow.info(line);
        this.notes.push(line);
      }
      if (repoConfig.loaded.problems.length > 0) return this.configError(repoConfig, repoConfig.loaded.problems);
      const loaded = withOverrides(repoConfig.loaded, this.inputs.overrides);
      this.checkName = loaded.config.check_name;

      const checked =
        this.context.pull && this.client
          ? await this.checkPullRequest(this.context.pull, this.client, loaded, repoConfig)
          : this.context.mergeGroup && this.client
            ? await this.checkMergeGroup(this.context.mergeGroup, this.client, loaded, repoConfig)
            : await this.checkWorkspace(loaded, repoConfig);
      if (checked.kind === 'config-error') return this.configError(repoConfig, checked.problems);
      if (checked.kind === 'too-many') return this.tooManyFiles(checked.reason, loaded.config.skip_label);
      return await this.publish(checked, loaded);
    } catch (error) {
      return this.internalError(error);
    }
  }

  /** A pull request: the files GitHub lists for it, selected as the app selects them. */
  private async checkPullRequest(pull: PullRequestContext, client: ApiClient, loaded: LoadedConfig, repoConfig: RepoConfig): Promise<Checked> {
    const state: PullRequestState = { draft: pull.draft, filesTruncated: false, needingSpec: [] };
    if (pull.labels.includes(loaded.config.skip_label)) return this.skipped(state, loaded);

    const { files: listed, isHead } = await filesOfCommit(client, pull, await listPullFiles(client, pull.number, pull.changedFiles));
    if (!isHead) {
      this.conversation = false;
      this.workflow.info(`The pull request has moved past ${pull.headSha.slice(0, 7)}: this run checks that commit's own files, and leaves the sticky comment to the run for the newest head.`);
    }
    return this.checkChanged('The pull request changes', listed, { base: pull.baseSha, head: pull.headSha }, state, client, loaded, repoConfig, pull);
  }

  /** A merge queue's merge group: the specs that differ between its base and head, as the app judges them. */
  private async checkMergeGroup(group: MergeGroupContext, client: ApiClient, loaded: LoadedConfig, repoConfig: RepoConfig): Promise<Checked> {
    const comparison = await compareCommits(client, group.baseSha, group.headSha);
    const listed = { files: comparison.files, truncated: !comparison.complete };
    const subject = `The merge group ${group.headSha.slice(0, 7)} (on ${group.baseSha.slice(0, 7)}) changes`;
    const commits = { base: group.baseSha, head: group.headSha, mergeBase: comparison.mergeBase };
    return this.checkChanged(subject, listed, commits, { draft: false, filesTruncated: false, needingSpec: [] }, client, loaded, repoConfig);
  }

  /** The changed specs of a file list (and the specs a pull request's description links), checked. */
  private async checkChanged(
    subject: string,
    everyListed: ListedFiles,
    commits: { base: string; head: string; mergeBase?: string },
    state: PullRequestState,
    client: ApiClient,
    loaded: LoadedConfig,
    repoConfig: RepoConfig,
    pull?: PullRequestContext,
  ): Promise<Checked> {
    const { config } = loaded;
    const every = await withEverySpec(client, everyListed, commits, { specGlobs: config.paths, isSpec: specSelector(config) });
    if (every.kind === 'impossible') return { kind: 'too-many', reason: every.reason };
    const listed = every.listed;
    const wanted = specsToRead(listed.files, config, pull?.body);
    const { changed, links } = wanted;
    this.workflow.info(`${subject} ${plural(everyListed.files.length, 'file')}: ${plural(changed.length, 'spec')} to check.`);
    if (every.byTrees) this.workflow.info('GitHub lists only the first 3,000 files of a pull request (300 of a comparison): every other changed spec was found by comparing the base and head trees.');

    const from = new Map<string, SpecSource>();
    const readChanged = async (file: ChangedFile) => {
      const spec = await readSpec(file, this.context.workspace, client);
      from.set(file.path, spec.from);
      return spec.bytes;
    };
    const read = await readSpecs(client, wanted, { ...(pull ? { headSha: pull.headSha } : {}), readChanged, concurrency: BLOB_CONCURRENCY });
    if (links.length > 0) this.workflow.info(`The description links ${plural(links.length, 'spec')} the pull request does not change: read at the head commit through the API.`);
    // enforce: new-problems: each spec against its version at the base commit.
    const base = config.enforce === 'new-problems' ? baseVersionsAt(client, commits.base, BLOB_CONCURRENCY) : undefined;
    const result = await checkSpecs(this.source(loaded, repoConfig), read.specs, { prejudged: read.missing, ...(base ? { base } : {}) });
    if (result.kind === 'config-error') return result;

    const counts: Record<SpecSource, number> = { workspace: 0, api: 0 };
    for (const file of changed) {
      const source = from.get(file.path)!;
      counts[source]++;
      this.workflow.info(`  ${file.path}: ${source === 'workspace' ? 'read from the workspace' : `read through the API (blob ${file.blobSha.slice(0, 7)}; the workspace holds another version or none)`}`);
    }
    if (changed.length > 0 || links.length > 0) {
      const linkedNote = links.length > 0 ? `${plural(links.length, 'linked spec')} from the description, at the head commit` : '';
      this.notes.push(`Specs: ${[counts.workspace > 0 ? `${counts.workspace} read from the workspace` : '', counts.api > 0 ? `${counts.api} through the API by blob SHA` : '', linkedNote].filter(Boolean).join(', ')}.`);
    }
    const report = this.failOn(result.report);
    const verdict = decide(report, { ...state, filesTruncated: listed.truncated, specsFromTrees: every.byTrees, needingSpec: filesNeedingSpec(listed.files, changed, config) }, config);
    return { kind: 'checked', verdict, notes: this.notes };
  }

  /** Any other event (or a pull request without a token): every spec under `paths` in the workspace. */
  private async checkWorkspace(loaded: LoadedConfig, repoConfig: RepoConfig): Promise<Checked> {
    const { config } = loaded;
    const { pull } = this.context;
    const state: PullRequestState = { draft: pull?.draft ?? false, filesTruncated: false, needingSpec: [] };
    if (pull) {
      this.workflow.warning('specgate: without a github-token the pull request\'s files cannot be listed, so every spec under the configured paths in the workspace is checked.');
      if (pull.labels.includes(config.skip_label)) return this.skipped(state, loaded);
    } else {
      this.workflow.info(`The event "${this.context.eventName || 'unknown'}" is not a pull request: checking every spec under the configured paths in the workspace (${this.context.workspace}).`);
    }
    const paths = configuredSpecs(this.context.workspace, config);
    this.workflow.info(`${plural(paths.length, 'spec')} under ${config.paths.map((glob) => `"${glob}"`).join(', ')}.`);
    const specs = paths.map((path) => ({ path, bytes: readWorkspaceFile(this.context.workspace, path) ?? new Uint8Array() }));
    const result = await checkSpecs(this.source(loaded, repoConfig), specs);
    if (result.kind === 'config-error') return result;
    for (const path of paths) this.workflow.info(`  ${path}`);
    if (paths.length > 0) this.notes.push(`Specs: every file under the configured \`paths\` in the workspace, ${plural(paths.length, 'spec')}.`);
    const report = this.failOn(result.report);
    const verdict = decide(report, state, config);
    if (pull || report.files.length > 0) return { kind: 'checked', verdict, notes: this.notes };
    const globs = config.paths.map((glob) => `\`${glob}\``).join(', ');
    return {
      kind: 'checked',
      verdict: { ...verdict, title: 'No spec files found' },
      notes: this.notes,
      emptyText: `No file in the workspace matches the configured \`paths\` (${globs}), so there was nothing to check.`,
    };
  }

  private skipped(state: PullRequestState, loaded: LoadedConfig): Checked {
    const { labelEvent } = this.context;
    const label = loaded.config.skip_label;
    const by = labelEvent?.added && labelEvent.label === label ? labelEvent.login : undefined;
    this.workflow.info(`The pull request has the label "${label}": specs are not checked.`);
    return { kind: 'checked', verdict: decide({ template: '', files: [] }, { ...state, skip: by === undefined ? {} : { by } }, loaded.config), notes: this.notes };
  }

  /** Templates from where the configuration came from; its problems point at their lines of the file. */
  private source(loaded: LoadedConfig, repoConfig: RepoConfig): CheckSource {
    const client = repoConfig.via === 'api' ? this.client : undefined;
    const from = client ? { client } : { workspace: this.context.workspace };
    const source = repoConfig.source;
    return {
      loaded,
      templates: (paths) => readTemplates(paths, from),
      // Probot's loader gives values without lines: the file is read again, as text, to locate the problems.
      ...(client && source ? { configLines: async () => parseConfig((await readTextFile(client, source)) ?? '').lineOf } : {}),
    };
  }

  /** `fail-on: warning` makes every warning count as an error, in every report alike. */
  private failOn(report: Report): Report {
    if (this.inputs.failOn !== 'warning') return report;
    const files: FileReport[] = report.files.map((file) => ({
      ...file,
      findings: file.findings.map((finding) => (finding.severity === 'warning' ? { ...finding, severity: 'error' as const } : finding)),
    }));
    return { ...report, files };
  }

  private async publish(checked: Extract<Checked, { kind: 'checked' }>, loaded: LoadedConfig): Promise<number> {
    const { workflow, context } = this;
    const { config } = loaded;
    const verdict = withNotices(checked.verdict, loaded.notices);
    for (const notice of loaded.notices ?? []) workflow.warning(`specgate: ${notice.message}`, { title: 'specgate configuration' });
    const headSha = context.pull?.headSha ?? context.mergeGroup?.headSha ?? context.sha;
    const links: Links = { repositoryUrl: context.repositoryUrl, headSha };

    if (config.annotations) workflow.annotate(verdict.report);
    const counted = summarize(verdict.report);
    if (counted.errors > ANNOTATIONS_SHOWN || counted.warnings > ANNOTATIONS_SHOWN || counted.notices > ANNOTATIONS_SHOWN) {
      workflow.info(`GitHub shows only the first ${ANNOTATIONS_SHOWN} annotations of each level a step prints; the job summary lists the problems of every spec.`);
    }
    workflow.info(`${icon(verdict.conclusion, verdict.state.skip !== undefined)} ${this.checkName}: ${verdict.title}`);
    if (verdict.conclusion === 'neutral') workflow.info('This is a draft: problems are reported without failing the step until it is ready for review (draft: neutral).');

    let commentUrl = '';
    if (!this.conversation) workflow.info('Sticky comment: left to the run for the newest head.');
    else if (context.pull && this.client && config.comment !== 'never') commentUrl = await this.comment(context.pull, this.client, verdict, links, config);
    else if (context.pull && config.comment !== 'never') workflow.info('Sticky comment: none (no github-token).');

    workflow.appendSummary(jobSummary(verdict, links, { checkName: this.checkName, skipLabel: config.skip_label, notes: checked.notes, ...(checked.emptyText === undefined ? {} : { emptyText: checked.emptyText }) }));
    this.outputs({
      conclusion: verdict.conclusion,
      title: verdict.title,
      errors: String(counted.errors),
      warnings: String(counted.warnings),
      specs: String(counted.files),
      'failed-files': JSON.stringify(verdict.report.files.filter((file) => fileStatus(file) === 'fail').map((file) => file.path)),
      'comment-url': commentUrl,
    });
    return this.exitCode(verdict.conclusion === 'failure');
  }

  private async comment(pull: PullRequestContext, client: ApiClient, verdict: Verdict, links: Links, config: SpecgateConfig): Promise<string> {
    const { skip_label: skipLabel, comment: mode, annotations: annotated } = config;
    const stamp = { headSha: pull.headSha, updatedAt: pull.updatedAt };
    const body = renderStickyComment(verdict, links, stamp, this.checkName, skipLabel, annotated);
    const createIfMissing = verdict.conclusion === 'failure' || (mode === 'always' && !verdict.state.skip);
    try {
      const result = await writeStickyComment(client, pull.number, body, stamp, createIfMissing);
      switch (result.action) {
        case 'forbidden':
          this.workflow.notice(
            `The token may not comment on this pull request (HTTP 403${pull.fromFork ? ': a pull request from a fork gets a read-only token' : '; give the job "pull-requests: write"'}). The job summary and the annotations have the results.`,
            { title: 'specgate comment' },
          );
          return '';
        case 'none':
          this.workflow.info('Sticky comment: none (nothing to say yet).');
          return '';
        case 'stale':
          this.workflow.info(`Sticky comment: left alone, it describes a later push${at(result.url)}.`);
          return result.url;
        default:
          this.workflow.info(`Sticky comment: ${result.action}${at(result.url)}.`);
          return result.url;
      }
    } catch (error) {
      this.workflow.warning(`specgate could not write the sticky comment: ${describeError(error)}. The job summary and the annotations have the results.`, { title: 'specgate comment' });
      return '';
    }
  }

  private configError(repoConfig: RepoConfig, problems: ConfigProblem[]): number {
    const { workflow, context } = this;
    const source = repoConfig.source;
    const inThisRepository = source?.inThisRepository ?? true;
    const path = source ? (inThisRepository ? source.path : `${source.owner}/${source.repo}/${source.path}`) : this.inputs.configPath;
    const views = problems.map((problem) => {
      // A setting the inputs gave is the workflow's to fix, not the file's.
      const input = this.inputFor(problem.key);
      return input === undefined ? problem : { ...problem, line: 0, message: `The input "${input}": ${problem.message}` };
    });
    for (const problem of views) {
      const inFile = problem.line > 0 && source !== undefined && inThisRepository;
      workflow.error(inFile ? problem.message : problem.line > 0 ? `${path}:${problem.line}: ${problem.message}` : problem.message, {
        title: 'specgate configuration',
        ...(inFile ? { file: source.path, line: problem.line } : {}),
      });
    }
    const base = inThisRepository ? context.repositoryUrl : context.repositoryUrl.replace(/[^/]+\/[^/]+$/, `${source!.owner}/${source!.repo}`);
    const output = renderConfigError(
      views.map((problem) => ({ line: Math.max(problem.line, 1), message: problem.message })),
      { path, url: `${base}/blob/HEAD/${source?.path ?? this.inputs.configPath}`, inThisRepository },
    );
    workflow.info(`❌ ${this.checkName}: ${output.title}`);
    workflow.appendSummary(problemSummary(this.checkName, output.title, output.summary, this.notes));
    this.outputs({ conclusion: 'failure', title: output.title, errors: '0', warnings: '0', specs: '0', 'failed-files': '[]', 'comment-url': '' });
    return 1;
  }

  private inputFor(key: string): string | undefined {
    const { overrides } = this.inputs;
    if (key === 'template' && overrides.template !== undefined) return 'template';
    if (key.startsWith('paths') && overrides.paths !== undefined) return 'paths';
    return undefined;
  }

  private tooManyFiles(reason: string, skipLabel: string): number {
    const { title, summary } = renderTooManyFiles(reason, skipLabel);
    this.workflow.error(`${title}: ${summary.split('\n')[0]}`, { title: 'specgate' });
    this.workflow.appendSummary(problemSummary(this.checkName, title, summary, this.notes));
    this.outputs({ conclusion: 'failure', title, errors: '0', warnings: '0', specs: '0', 'failed-files': '[]', 'comment-url': '' });
    return 1;
  }

  private internalError(error: unknown): number {
    const reason = describeError(error);
    const title = 'specgate could not finish the check';
    this.workflow.error(`${title}: ${reason}`, { title: 'specgate' });
    this.workflow.appendSummary(problemSummary(this.checkName, title, `The check stopped before it could judge the specs: ${reason}\n\nRe-run the job to try again.`, this.notes));
    this.outputs({ conclusion: 'failure', title, errors: '0', warnings: '0', specs: '0', 'failed-files': '[]', 'comment-url': '' });
    return 1;
  }

  private outputs(values: Record<string, string>): void {
    for (const [name, value] of Object.entries(values)) this.workflow.setOutput(name, value);
  }

  private exitCode(failed: boolean): number {
    if (!failed) return 0;
    if (this.inputs.failOn === 'never') {
      this.workflow.info('fail-on: never, so the step passes all the same.');
      return 0;
    }
    return 1;
  }
}

function at(url: string): string {
  return url === '' ? '' : ` (${url})`;
}
