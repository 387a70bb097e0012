import type { RepoClient } from './repo.js';

/** Who last added a label to a pull request, from its event history (only read when the label is there). */
export async function whoAddedLabel(client: RepoClient, issueNumber: number, label: string): Promise<string | undefined> {
  const events = await client.octokit.paginate(client.octokit.rest.issues.listEvents, {
    owner: client.owner,
    repo: client.repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const added = events.filter((event) => event.event === 'labeled' && (event as { label?: { name?: string } }).label?.name === label);
  return added.at(-1)?.actor?.login;
}
