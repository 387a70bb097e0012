/**
 * `specgate waivers --repo OWNER/NAME`: every waiver the GitHub App recorded in a repository, for
 * audits. Waivers live in the app's sticky comment on each pull request (see README, "Audited
 * waivers"), so this reads the repository's issue comments through GitHub's REST API
 * (`GET /repos/{owner}/{repo}/issues/comments`, all pages), keeps the app's comments and lists
 * the waivers their hidden records hold. A token comes from GITHUB_TOKEN or GH_TOKEN; the API from
 * GITHUB_API_URL (GitHub Enterprise Server), as in Actions.
 */
import { STICKY_MARKER } from '../render/sticky-comment.js';
import { readWaivers } from '../waivers/record.js';
import type { Waiver } from '../waivers/waivers.js';
import { UsageError } from './workspace.js';

export interface RecordedWaiver extends Waiver {
  pullRequest: number;
  comment: string;
}

interface IssueComment {
  body?: string | null;
  html_url: string;
  issue_url: string;
}

// A repository with years of pull requests: enough pages for any audit, and never an endless loop.
const MAX_PAGES = 500;

export async function listWaivers(repository: string | undefined, environment: NodeJS.ProcessEnv = process.env): Promise<RecordedWaiver[]> {
  const name = repository ?? environment.GITHUB_REPOSITORY;
  if (!name || !/^[\w.-]+\/[\w.-]+$/u.test(name)) throw new UsageError('Name the repository: specgate waivers --repo OWNER/NAME.');
  const api = (environment.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/u, '');
  const token = environment.GITHUB_TOKEN ?? environment.GH_TOKEN;
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'specgate-cli' };
  if (token) headers.authorization = `Bearer ${token}`;
  const waivers: RecordedWaiver[] = [];
  let url: string | undefined = `${api}/repos/${name}/issues/comments?per_page=100&sort=created&direction=asc`;
  for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
    const response: Response = await fetch(url, { headers });
    if (!response.ok) throw new UsageError(refusal(response.status, name, token !== undefined));
    for (const comment of (await response.json()) as IssueComment[]) {
      if (!comment.body?.includes(STICKY_MARKER)) continue;
      const pullRequest = Number(/\/issues\/(\d+)$/u.exec(comment.issue_url)?.[1] ?? 0);
      for (const waiver of readWaivers(comment.body)) waivers.push({ ...waiver, pullRequest, comment: comment.html_url });
    }
    url = nextPage(response.headers.get('link'));
  }
  return waivers;
}

function nextPage(link: string | null): string | undefined {
  return link?.split(',').map((part) => /<([^>]+)>;\s*rel="next"/u.exec(part)?.[1]).find(Boolean);
}

function refusal(status: number, repository: string, withToken: boolean): string {
  if (status === 404) return `GitHub has no repository ${repository}${withToken ? ' that the token can read' : ': a private one needs GITHUB_TOKEN'}.`;
  if (status === 401 || status === 403) return `GitHub refused to list the comments of ${repository} (${status}): ${withToken ? 'the token lacks access, or the rate limit is spent' : 'set GITHUB_TOKEN'}.`;
  return `GitHub answered ${status} for the comments of ${repository}.`;
}

/** One line per waiver, oldest first: where, which section, who, when, why, and the pull request. */
export function renderWaivers(waivers: readonly RecordedWaiver[], repository: string): string {
  if (waivers.length === 0) return `No waivers recorded in ${repository}.\n`;
  const lines = waivers.map((waiver) => `#${waiver.pullRequest}  ${waiver.path}  "${waiver.section}"  waived by @${waiver.by} on ${waiver.at.slice(0, 10)}: ${waiver.reason}`);
  return `${lines.join('\n')}\n\n${waivers.length} ${waivers.length === 1 ? 'waiver' : 'waivers'} in ${repository}.\n`;
}
