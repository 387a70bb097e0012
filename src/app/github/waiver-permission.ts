import type { WaiverAllowance } from '../../config/load.js';
import { readTextFile } from '../../github/contents.js';
import { CODEOWNERS_PATHS, ownersOf } from '../../waivers/codeowners.js';
import { permissionOf, type Permission } from './permissions.js';
import { statusOf, type RepoClient } from './repo.js';

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

/**
 * Whether a person may waive a section of this spec, asked of GitHub every time: repository
 * permission, CODEOWNERS of the file (read from the default branch), or team membership.
 * Returns undefined when allowed, else why not, in words for the reply.
 */
export async function refusalToWaive(client: RepoClient, user: string, path: string, allowed: WaiverAllowance): Promise<string | undefined> {
  const reasons: string[] = [];
  if (allowed.permission) {
    const permission = await permissionOf(client, user);
    if (RANK[permission] >= RANK[allowed.permission]) return undefined;
    reasons.push(`${allowed.permission} permission on this repository (you have ${permission})`);
  }
  if (allowed.codeowners) {
    const owners = await codeOwners(client, path);
    const teams = owners.filter((owner) => owner.includes('/')).map((owner) => owner.replace(/^@/, ''));
    if (owners.some((owner) => owner.toLowerCase() === `@${user.toLowerCase()}`) || (await memberOfAny(client, user, teams))) return undefined;
    reasons.push(`to own \`${path}\` in CODEOWNERS`);
  }
  if (allowed.teams && allowed.teams.length > 0) {
    if (await memberOfAny(client, user, allowed.teams)) return undefined;
    reasons.push(`membership of ${allowed.teams.map((team) => `@${team}`).join(' or ')}`);
  }
  return reasons.length > 0 ? `waiving needs ${reasons.join(', or ')}.` : 'the configuration\'s `waivers.allowed` lets no one waive.';
}

async function codeOwners(client: RepoClient, path: string): Promise<string[]> {
  for (const file of CODEOWNERS_PATHS) {
    const text = await readTextFile(client, { owner: client.owner, repo: client.repo, path: file });
    if (text !== undefined) return ownersOf(text, path);
  }
  return [];
}

async function memberOfAny(client: RepoClient, username: string, teams: readonly string[]): Promise<boolean> {
  for (const team of teams) {
    const [org, team_slug] = team.split('/') as [string, string];
    try {
      const { data } = await client.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug, username });
      if (data.state === 'active') return true;
    } catch (error) {
      // 404: not a member (or a team the app cannot see, which grants nothing either).
      if (statusOf(error) !== 404) throw error;
    }
  }
  return false;
}
