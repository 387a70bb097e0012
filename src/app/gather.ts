import { policyOptions, type ConfigProblem, type LoadedConfig, type SpecgateConfig } from '../config/load.js';
import { templateFor } from '../config/select.js';
import { filesNeedingSpec } from '../verdict/changes.js';
import type { CheckedFile } from '../verdict/evaluate.js';
import { readSpecs, specsToRead, type GitHubSpec } from '../github/changed-specs.js';
import { baseVersionsAt } from '../github/base-versions.js';
import { fetchBlob, readTemplates } from '../github/contents.js';
import { configLines, readConfig, type RepoConfig } from './github/config-file.js';
import { listPullFiles, type PullFiles } from '../github/pull-files.js';
import type { RepoClient } from './github/repo.js';
import { fingerprint, type AppMemory } from './memory.js';
import type { CheckPool } from '../pipeline/check-pool.js';
import { checkSpecs, type CheckMemo, type CheckSource, type TemplateUsed } from '../pipeline/check-specs.js';
import type { PullRequestRef } from './pull-request.js';

/**
 * Blob downloads at once per pull request: half of what an installation may have in flight
 * (src/app/github/octokit.ts), so ten specs are read in one round trip, not two.
 */
const BLOB_CONCURRENCY = 16;

export interface PullRequestBasics {
  repoConfig: RepoConfig;
  /**
   * The file list, or why GitHub did not give it. A failure is the caller's to throw once the
   * configuration has named the check, so even "could not finish" lands on the required check.
   */
  pullFiles: PromiseSettledResult<PullFiles>;
}

export type SpecsChecked =
  | { kind: 'config-error'; problems: ConfigProblem[] }
  | { kind: 'checked'; specs: SpecReport[]; needingSpec: string[] };

/** A spec's check, with its diff when the file list has one: line comments go on its lines. */
export type SpecReport = CheckedFile & { patch?: string };

/** The first round trip: the configuration (default branch) and the file list, together. */
export async function readBasics(client: RepoClient, pull: PullRequestRef): Promise<PullRequestBasics> {
  const [repoConfig, pullFiles] = await Promise.allSettled([readConfig(client), listPullFiles(client, pull.number, pull.changedFiles)]);
  if (repoConfig.status === 'rejected') throw repoConfig.reason;
  return { repoConfig: repoConfig.value, pullFiles };
}

/**
 * The second round trip: the templates and the specs' blobs, together; then the pipeline checks
 * each spec. With the configuration's `source`, configuration problems found here (a template
 * that does not exist) point at their lines of that file.
 */
export async function checkChangedSpecs(
  client: RepoClient,
  loaded: LoadedConfig,
  pullFiles: PullFiles,
  { source, memory, pool, pull, baseSha }: { source?: RepoConfig['source']; memory?: AppMemory; pool?: CheckPool; pull?: Pick<PullRequestRef, 'headSha' | 'body'>; baseSha?: string } = {},
): Promise<SpecsChecked> {
  const { config } = loaded;
  const wanted = specsToRead(pullFiles.files, config, pull?.body);
  // Templates by path, read with the blobs; a template the front matter names may need a second read.
  const byPath = readTemplates(client, wanted.changed.map((file) => templateFor(file.path, config)));
  const [pathTexts, read] = await Promise.all([
    byPath,
    readSpecs(client, wanted, {
      ...(pull ? { headSha: pull.headSha } : {}),
      readChanged: (file) => fetchBlob(client, file.blobSha),
      known: (sha) => memory?.blobs.get(sha),
      concurrency: BLOB_CONCURRENCY,
    }),
  ]);
  for (const spec of read.specs) memory?.blobs.set(spec.blobSha, spec.bytes);
  const templates = async (paths: readonly string[]) => {
    const unread = paths.filter((path) => !pathTexts.has(path));
    return unread.length > 0 ? new Map([...pathTexts, ...(await readTemplates(client, unread))]) : pathTexts;
  };
  const checkSource: CheckSource = { loaded, templates, ...(source ? { configLines: () => configLines(client, source) } : {}) };
  const base = config.enforce === 'new-problems' && baseSha !== undefined ? baseVersionsAt(client, baseSha, BLOB_CONCURRENCY, memory?.blobs) : undefined;
  const result = await checkSpecs(checkSource, read.specs, {
    prejudged: read.missing,
    ...(pool ? { pool } : {}),
    ...(memory ? { memo: rememberedChecks(memory, config) } : {}),
    ...(base ? { base } : {}),
  });
  if (result.kind === 'config-error') return result;
  const specs = result.checked.map(({ spec, ...checked }) => ({ ...checked, ...(spec?.patch === undefined ? {} : { patch: spec.patch }) }));
  return { kind: 'checked', specs, needingSpec: filesNeedingSpec(pullFiles.files, wanted.changed, config) };
}

/** The same blob under the same template and settings has the same findings: parsed once per process. */
function rememberedChecks(memory: AppMemory, config: SpecgateConfig): CheckMemo<GitHubSpec> {
  const key = (spec: GitHubSpec, template: TemplateUsed) => `${spec.path}|${spec.blobSha}|${fingerprint(template.text, policyOptions(config, template.path), config.max_file_size)}`;
  return {
    get: (spec, template) => memory.checks.get(key(spec, template)),
    set: (spec, template, checked) => memory.checks.set(key(spec, template), checked),
  };
}
