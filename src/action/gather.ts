/**
 * What a run checks, gathered: a pull request's changed specs (and the specs its description
 * links), a merge group's, or every configured spec in the workspace. A changed spec is read from
 * the workspace when it holds that very version, else through the API.
 */
import { baseVersionsAt } from '../github/base-versions.js';
import type { GitHubSpec } from '../github/changed-specs.js';
import type { SpecgateConfig } from '../config/load.js';
import { specSelector } from '../config/select.js';
import { readSpecs, specsToRead } from '../github/changed-specs.js';
import { changesOf, compareCommits, filesOfCommit, type Commits, type ListedFiles } from '../github/compare.js';
import { listPullFiles } from '../github/pull-files.js';
import { withEverySpec } from '../github/spec-trees.js';
import type { PipelineOptions, SpecToCheck } from '../pipeline/check-specs.js';
import { configuredSpecs } from '../pipeline/workspace-specs.js';
import { filesNeedingSpec, type ChangedFile } from '../verdict/changes.js';
import type { CheckedFile } from '../verdict/evaluate.js';
import { plural } from '../verdict/report.js';
import type { PullRequestState } from '../verdict/verdict.js';
import type { MergeGroupContext, PullRequestContext } from './environment.js';
import type { ApiClient } from './github.js';
import type { ActionRun } from './run-state.js';
import { readSpec, readWorkspaceFile, type SpecSource } from './spec-files.js';

/** Blob downloads at once: fast, and far below GitHub's concurrency limits. */
const BLOB_CONCURRENCY = 8;

export type Gathered = { kind: 'too-many'; reason: string } | { kind: 'skipped'; state: PullRequestState } | SpecsGathered;

export interface SpecsGathered {
  kind: 'specs';
  specs: SpecToCheck[];
  /** Reports made without a check: linked specs that are not files at the head. */
  prejudged: CheckedFile[];
  /** What the verdict knows of the pull request (or merge group) besides the reports. */
  state: PullRequestState;
  /** Where the specs came from, for the log and the summary: told once they are checked. */
  tell: () => void;
  /** What the summary says when the workspace has no spec at all (any event but a pull request). */
  emptyText?: string;
  /** With `enforce: new-problems`: each spec as it was at the base commit. */
  base?: PipelineOptions<SpecToCheck>['base'];
}

export async function gather(run: ActionRun, config: SpecgateConfig): Promise<Gathered> {
  const { pull, mergeGroup } = run.context;
  if (pull && run.client) return gatherPullRequest(run, pull, run.client, config);
  if (mergeGroup && run.client) return gatherMergeGroup(run, mergeGroup, run.client, config);
  return gatherWorkspace(run, config);
}

/** A pull request: the files GitHub lists for it, selected as the app selects them. */
async function gatherPullRequest(run: ActionRun, pull: PullRequestContext, client: ApiClient, config: SpecgateConfig): Promise<Gathered> {
  const state: PullRequestState = { draft: pull.draft, filesTruncated: false, needingSpec: [] };
  if (pull.labels.includes(config.skip_label)) return { kind: 'skipped', state };

  const { files: listed, isHead, commits } = await filesOfCommit(client, pull, await listPullFiles(client, pull.number, pull.changedFiles));
  if (!isHead) {
    run.conversation = false;
    run.workflow.info(`The pull request has moved past ${pull.headSha.slice(0, 7)}: this run checks that commit's own files, and leaves the sticky comment to the run for the newest head.`);
  }
  return gatherChanged(run, client, config, { subject: 'The pull request changes', listed, commits, state, pull });
}

/** A merge queue's merge group: the specs that differ between its base and head, as the app judges them. */
async function gatherMergeGroup(run: ActionRun, group: MergeGroupContext, client: ApiClient, config: SpecgateConfig): Promise<Gathered> {
  const comparison = await compareCommits(client, group.baseSha, group.headSha);
  const { listed, commits } = changesOf(comparison, group.baseSha, group.headSha);
  const subject = `The merge group ${group.headSha.slice(0, 7)} (on ${group.baseSha.slice(0, 7)}) changes`;
  return gatherChanged(run, client, config, { subject, listed, commits, state: { draft: false, filesTruncated: false, needingSpec: [] } });
}

interface Change {
  /** How the log names what changed: "The pull request changes". */
  subject: string;
  listed: ListedFiles;
  commits: Commits;
  state: PullRequestState;
  pull?: PullRequestContext;
}

/** The changed specs of a file list, and the specs a pull request's description links, read. */
async function gatherChanged(run: ActionRun, client: ApiClient, config: SpecgateConfig, { subject, listed: everyListed, commits, state, pull }: Change): Promise<Gathered> {
  const { workflow } = run;
  const every = await withEverySpec(client, everyListed, commits, { specGlobs: config.paths, isSpec: specSelector(config) });
  if (every.kind === 'impossible') return { kind: 'too-many', reason: every.reason };
  const listed = every.listed;
  const wanted = specsToRead(listed.files, config, pull?.body);
  const { changed, links } = wanted;
  workflow.info(`${subject} ${plural(everyListed.files.length, 'file')}: ${plural(changed.length, 'spec')} to check.`);
  if (every.byTrees) workflow.info('GitHub lists only the first 3,000 files of a pull request (300 of a comparison): every other changed spec was found by comparing the base and head trees.');

  const from = new Map<string, SpecSource>();
  const readChanged = async (file: ChangedFile) => {
    const spec = await readSpec(file, run.context.workspace, client);
    from.set(file.path, spec.from);
    return spec.bytes;
  };
  const read = await readSpecs(client, wanted, { ...(pull ? { headSha: pull.headSha } : {}), readChanged, concurrency: BLOB_CONCURRENCY });
  if (links.length > 0) workflow.info(`The description links ${plural(links.length, 'spec')} the pull request does not change: read at the head commit through the API.`);
  return {
    kind: 'specs',
    specs: read.specs,
    prejudged: read.missing,
    state: { ...state, filesTruncated: listed.truncated, specsFromTrees: every.byTrees, needingSpec: filesNeedingSpec(listed.files, changed, config) },
    tell: () => tellSources(run, changed, links.length, from),
    // enforce: new-problems: each spec against its version at the base commit.
    ...(config.enforce === 'new-problems' ? { base: specsAtBase(client, commits.base) } : {}),
  };
}

/** Each changed spec, and where its bytes came from: the workspace or the API. */
function tellSources(run: ActionRun, changed: readonly ChangedFile[], linkCount: number, from: ReadonlyMap<string, SpecSource>): void {
  const counts: Record<SpecSource, number> = { workspace: 0, api: 0 };
  for (const file of changed) {
    const source = from.get(file.path)!;
    counts[source]++;
    run.workflow.info(`  ${file.path}: ${source === 'workspace' ? 'read from the workspace' : `read through the API (blob ${file.blobSha.slice(0, 7)}; the workspace holds another version or none)`}`);
  }
  if (changed.length === 0 && linkCount === 0) return;
  const linkedNote = linkCount > 0 ? `${plural(linkCount, 'linked spec')} from the description, at the head commit` : '';
  run.notes.push(`Specs: ${[counts.workspace > 0 ? `${counts.workspace} read from the workspace` : '', counts.api > 0 ? `${counts.api} through the API by blob SHA` : '', linkedNote].filter(Boolean).join(', ')}.`);
}

/** Any other event (or a pull request without a token): every spec under `paths` in the workspace. */
function gatherWorkspace(run: ActionRun, config: SpecgateConfig): Gathered {
  const { workflow, context } = run;
  const { pull, workspace } = context;
  const state: PullRequestState = { draft: pull?.draft ?? false, filesTruncated: false, needingSpec: [] };
  if (pull) {
    workflow.warning('specgate: without a github-token the pull request\'s files cannot be listed, so every spec under the configured paths in the workspace is checked.');
    if (pull.labels.includes(config.skip_label)) return { kind: 'skipped', state };
  } else {
    workflow.info(`The event "${context.eventName || 'unknown'}" is not a pull request: checking every spec under the configured paths in the workspace (${workspace}).`);
  }
  const paths = configuredSpecs(workspace, config);
  workflow.info(`${plural(paths.length, 'spec')} under ${config.paths.map((glob) => `"${glob}"`).join(', ')}.`);
  const specs = paths.map((path) => ({ path, bytes: readWorkspaceFile(workspace, path) ?? new Uint8Array() }));
  const tell = () => {
    for (const path of paths) workflow.info(`  ${path}`);
    if (paths.length > 0) run.notes.push(`Specs: every file under the configured \`paths\` in the workspace, ${plural(paths.length, 'spec')}.`);
  };
  const globs = config.paths.map((glob) => `\`${glob}\``).join(', ');
  const emptyText = `No file in the workspace matches the configured \`paths\` (${globs}), so there was nothing to check.`;
  return { kind: 'specs', specs, prejudged: [], state, tell, ...(pull ? {} : { emptyText }) };
}

/** Each spec read from GitHub as it was at the base commit; a spec from the workspace has no base here. */
function specsAtBase(client: ApiClient, baseSha: string): NonNullable<SpecsGathered['base']> {
  const atBase = baseVersionsAt(client, baseSha, BLOB_CONCURRENCY);
  return async (spec) => ('blobSha' in spec ? atBase(spec as GitHubSpec) : undefined);
}
