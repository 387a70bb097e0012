import pLimit from 'p-limit';
import { policyOptions, type ConfigProblem, type LoadedConfig } from '../config/load.js';
import { compilePolicies } from '../config/policies.js';
import { chooseTemplate, neededTemplates, templateFor } from '../config/select.js';
import { changedSpecs, filesNeedingSpec, type ChangedFile } from '../verdict/changes.js';
import { checkFile, missingLinkedSpec, unknownTemplateFile, type CheckedFile } from '../verdict/evaluate.js';
import { linkedSpecs } from '../verdict/links.js';
import { fetchBlob, readFileAtRef, readTemplates } from '../github/contents.js';
import { configLines, readConfig, type RepoConfig } from './github/config-file.js';
import { listPullFiles, type PullFiles } from './github/pull-files.js';
import type { RepoClient } from './github/repo.js';
import { fingerprint, type AppMemory } from './memory.js';
import { checkOnPool, type CheckPool } from '../pipeline/check-pool.js';
import { builtinTemplate } from '../config/builtin-template.js';
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
  | { kind: 'checked'; specs: Array<CheckedFile & { file: ChangedFile }>; needingSpec: string[] };

/** The first round trip: the configuration (default branch) and the file list, together. */
export async function readBasics(client: RepoClient, pull: PullRequestRef): Promise<PullRequestBasics> {
  const [repoConfig, pullFiles] = await Promise.allSettled([readConfig(client), listPullFiles(client, pull.number, pull.changedFiles)]);
  if (repoConfig.status === 'rejected') throw repoConfig.reason;
  return { repoConfig: repoConfig.value, pullFiles };
}

/**
 * The second round trip: the templates and the changed specs' blobs, together; then the core
 * judges each spec. With the configuration's `source`, configuration problems found here (a
 * template that does not exist) point at their lines of that file.
 */
export async function checkChangedSpecs(
  client: RepoClient,
  loaded: LoadedConfig,
  pullFiles: PullFiles,
  { source, memory, pool, pull }: { source?: RepoConfig['source']; memory?: AppMemory; pool?: CheckPool; pull?: Pick<PullRequestRef, 'headSha' | 'body'> } = {},
): Promise<SpecsChecked> {
  const { config } = loaded;
  const changed = changedSpecs(pullFiles.files, config);
  // Specs the description links and the pull request does not change: read at the head commit.
  const links = pull ? linkedSpecs(pull.body, config.spec_link_prefix).filter((link) => !changed.some((file) => file.path === link.path)) : [];
  const limit = pLimit(BLOB_CONCURRENCY);
  const [pathTexts, blobs, linked] = await Promise.all([
    // Templates by path, read with the blobs; a template the front matter names may need a second read.
    readTemplates(client, changed.map((file) => templateFor(file.path, config))),
    Promise.all(changed.map((file) => memory?.blobs.get(file.blobSha) ?? limit(() => fetchBlob(client, file.blobSha)))),
    Promise.all(links.map((link) => (link.valid ? limit(() => readFileAtRef(client, link.path, pull!.headSha, (sha) => memory?.blobs.get(sha))) : undefined))),
  ]);

  const missing: Array<CheckedFile & { file: ChangedFile }> = [];
  const specFiles = [...changed];
  const bytesOf = [...blobs];
  links.forEach((link, index) => {
    const found = linked[index];
    if (found?.kind === 'file') {
      specFiles.push({ path: link.path, status: 'unchanged', blobSha: found.sha });
      bytesOf.push(found.bytes);
    } else {
      missing.push({ file: { path: link.path, status: 'unchanged', blobSha: '' }, ...missingLinkedSpec(link, pull!.headSha, found === undefined ? 'not-a-path' : found.kind) });
    }
  });

  const choices = specFiles.map((file, index) => chooseTemplate(file.path, bytesOf[index], config));
  const templatePaths = neededTemplates(choices);
  const unread = templatePaths.filter((path) => path !== undefined && !pathTexts.has(path));
  const texts = unread.length > 0 ? new Map([...pathTexts, ...(await readTemplates(client, unread))]) : pathTexts;
  const policies = compilePolicies(loaded, templatePaths, texts);
  if (policies.problems.length > 0) {
    if (!source) return { kind: 'config-error', problems: policies.problems };
    // Compiled again with the file's lines, so each problem points at the key that caused it.
    const located = { ...loaded, lineOf: await configLines(client, source) };
    return { kind: 'config-error', problems: compilePolicies(located, templatePaths, texts).problems };
  }
  const specs = await Promise.all(
    specFiles.map(async (file, index) => {
      const choice = choices[index]!;
      if (choice.kind === 'unknown') return { file, ...unknownTemplateFile(file.path, choice) };
      const templatePath = choice.template;
      const bytes = bytesOf[index]!;
      memory?.blobs.set(file.blobSha, bytes);
      const templateText = templatePath === undefined ? builtinTemplate() : texts.get(templatePath)!;
      // The same blob under the same template and settings has the same findings: parse it once.
      const key = `${file.path}|${file.blobSha}|${fingerprint(templateText, policyOptions(config, templatePath), config.max_file_size)}`;
      const checked =
        memory?.checks.get(key) ??
        (pool
          ? await checkOnPool(pool, { path: file.path, bytes }, { path: templatePath, text: templateText }, config)
          : checkFile(file.path, bytes, templatePath, policies, config.max_file_size));
      // A file the pool gave up on may pass under a lighter load: only real verdicts are remembered.
      if (!checked.report.findings.some((finding) => finding.rule === 'too-complex')) memory?.checks.set(key, checked);
      return { file, ...checked };
    }),
  );
  return { kind: 'checked', specs: [...specs, ...missing], needingSpec: filesNeedingSpec(pullFiles.files, changed, config) };
}
