/**
 * The specs a pull request or a merge group asks to check, read from GitHub: the changed ones by
 * blob SHA, and those the description links without changing them at the head commit. The app
 * and the Action both read them here; each says where bytes may come from before the API.
 */
import pLimit from 'p-limit';
import type { SpecgateConfig } from '../config/load.js';
import type { SpecToCheck } from '../pipeline/check-specs.js';
import { changedSpecs, type ChangedFile } from '../verdict/changes.js';
import { missingLinkedSpec, type CheckedFile } from '../verdict/evaluate.js';
import { linkedSpecs, type LinkedSpec } from '../verdict/links.js';
import { readFileAtRef, type ContentClient } from './contents.js';

/** A spec as GitHub names it: its blob (a cache key for its bytes) and, for a changed one, its diff. */
export interface GitHubSpec extends SpecToCheck {
  blobSha: string;
  patch?: string;
  /** How the pull request changes it (`unchanged`: a spec the description links). */
  status: ChangedFile['status'];
  /** A renamed spec's path at the base. */
  previousPath?: string;
}

export interface SpecsToRead {
  changed: ChangedFile[];
  /** Valid or not, the description's links to specs the file list does not change. */
  links: LinkedSpec[];
}

/** What a file list and a description ask to check, before anything is read. */
export function specsToRead(files: readonly ChangedFile[], config: SpecgateConfig, description?: string): SpecsToRead {
  const changed = changedSpecs(files, config);
  const links = description === undefined ? [] : linkedSpecs(description, config.spec_link_prefix).filter((link) => !changed.some((file) => file.path === link.path));
  return { changed, links };
}

export interface ReadOptions {
  /** The pull request's head: where linked specs are read. */
  headSha?: string;
  /** A changed spec's bytes: the door's own way first (the workspace), else the API. */
  readChanged: (file: ChangedFile) => Promise<Uint8Array>;
  /** Bytes already known by blob SHA, read without a request. */
  known?: (blobSha: string) => Uint8Array | undefined;
  /** Reads at once. */
  concurrency: number;
}

export interface SpecsRead {
  specs: GitHubSpec[];
  /** Linked specs that are not files at the head: their reports, made without a check. */
  missing: CheckedFile[];
}

export async function readSpecs(client: ContentClient, { changed, links }: SpecsToRead, options: ReadOptions): Promise<SpecsRead> {
  const limit = pLimit(options.concurrency);
  const { headSha = '', known } = options;
  const [changedBytes, linked] = await Promise.all([
    Promise.all(changed.map((file) => known?.(file.blobSha) ?? limit(() => options.readChanged(file)))),
    Promise.all(links.map((link) => (link.valid && headSha !== '' ? limit(() => readFileAtRef(client, link.path, headSha, known)) : undefined))),
  ]);
  const specs: GitHubSpec[] = changed.map((file, index) => ({
    path: file.path,
    bytes: changedBytes[index]!,
    blobSha: file.blobSha,
    status: file.status,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    ...(file.previousPath === undefined ? {} : { previousPath: file.previousPath }),
  }));
  const missing: CheckedFile[] = [];
  links.forEach((link, index) => {
    const found = linked[index];
    if (found?.kind === 'file') specs.push({ path: link.path, bytes: found.bytes, blobSha: found.sha, status: 'unchanged' });
    else missing.push(missingLinkedSpec(link, headSha, found === undefined ? 'not-a-path' : found.kind));
  });
  return { specs, missing };
}
