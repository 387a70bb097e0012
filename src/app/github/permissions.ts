import type { RepoClient } from './repo.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/**
 * What a user may do in the repository, asked of GitHub every time: a comment's
 * `author_association` says how someone relates to the repository, not what they may change.
 */
export async function permissionOf(client: RepoClient, username: string): Promise<Permission> {
  const { data } = await client.octokit.rest.repos.getCollaboratorPermissionLevel({ owner: client.owner, repo: client.repo, username });
  // `permission` folds maintain into write and triage into read; `role_name` keeps them apart.
  const role = (data.role_name ?? data.permission) as string;
  if (['admin', 'maintain', 'write', 'triage', 'read'].includes(role)) return role as Permission;
  return (['admin', 'write', 'read'].includes(data.permission) ? data.permission : 'none') as Permission;
}

export function canWrite(permission: Permission): boolean {
  return permission === 'admin' || permission === 'maintain' || permission === 'write';
}
