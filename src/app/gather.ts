import pLimit from 'p-limit';
import type { ConfigProblem, LoadedConfig } from '../config/load.js';
import { compilePolicies } from '../config/policies.js';
import { templateFor } from '../config/select.js';
import { changedSpecs, filesNeedingSpec, type ChangedFile } from '../verdict/changes.js';
import { checkFile, type CheckedFile } from '../verdict/evaluate.js';
import { fetchBlob } from './github/blobs.js';
import { readConfig, type RepoConfig } from './github/config-file.js';
import { listPullFiles, type PullFiles } from './github/pull-files.js';
import type { RepoClient } from './github/repo.js';
import { readTemplates } from './github/templates.js';
import type { PullRequestRef } from './pull-request.js';

/** Blob downloads at once per pull request: fast, and far below GitHub's concurrency limits. */
const BLOB_CONCURRENCY = 8;

export interface PullRequestBasics {
  repoConfig: RepoConfig;
  pullFiles: PullFiles;
}

export type SpecsChecked =
  | { kind: 'config-error'; problems: ConfigProblem[] }
  | { kind: 'checked'; specs: Array<CheckedFile & { file: ChangedFile }>; needingSpec: string[] };

/** The first round trip: the configuration (default branch) and the file list, together. */
export async function readBasics(client: RepoClient, pull: PullRequestRef): Promise<PullRequestBasics> {
  const [repoConfig, pullFiles] = await Promise.all([readConfig(client), listPullFiles(client, pull.number, pull.changedFiles)]);
  return { repoConfig, pullFiles };
}

/** The second round trip: the templates and the changed specs' blobs, together; then the core judges each spec. */
export async function checkChangedSpecs(client: RepoClient, loaded: LoadedConfig, pullFiles: PullFiles): Promise<SpecsChecked> {
  const { config } = loaded;
  const specFiles = changedSpecs(pullFiles.files, config);
  const templatePaths = specFiles.map((file) => templateFor(file.path, config));
  const limit = pLimit(BLOB_CONCURRENCY);
  const [texts, blobs] = await Promise.all([
    readTemplates(client, templatePaths),
    Promise.all(specFiles.map((file) => limit(() => fetchBlob(client, file.blobSha)))),
  ]);
  const policies = compilePolicies(loaded, templatePaths, texts);
  if (policies.problems.length > 0) return { kind: 'config-error', problems: policies.problems };
  const specs = specFiles.map((file, index) => ({
    file,
    ...checkFile(file.path, blobs[index]!, templatePaths[index], policies, config.max_file_size),
  }));
  return { kind: 'checked', specs, needingSpec: filesNeedingSpec(pullFiles.files, specFiles, config) };
}
