/** The round-trip counter the app tests use (test/helpers/round-trips.ts): logical, not timed. */
import { ProbotOctokit } from 'probot';
import type { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { watchRoundTrips } from '../helpers/round-trips.js';
import { OWNER, REPO, seedHelloWorld, startStandIn } from './helpers.js';

let github: GitHubStandIn;
beforeEach(async () => {
  github = await startStandIn();
  seedHelloWorld(github).openPullRequest({ number: 2, headRef: 'changes', files: { 'a.md': 'a\n' } });
});
afterEach(() => github.close());

function watchedOctokit() {
  const roundTrips = watchRoundTrips();
  const Octokit = ProbotOctokit.plugin(roundTrips.plugin);
  const octokit = new Octokit({ auth: { token: github.token() }, baseUrl: github.apiUrl, retry: { enabled: false }, throttle: { enabled: false } });
  return { roundTrips, octokit };
}

test('requests asked for together are one round trip, one asked for after their answers another, with no latency at all', async () => {
  const { roundTrips, octokit } = watchedOctokit();
  const pull = { owner: OWNER, repo: REPO, pull_number: 2 };
  await Promise.all([octokit.rest.pulls.get(pull), octokit.rest.pulls.listFiles(pull), octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'README.md' })]);
  await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 2 });

  expect(roundTrips.asked.map((request) => `${request.method} ${request.path}`)).toEqual([
    `GET /repos/${OWNER}/${REPO}/pulls/2`,
    `GET /repos/${OWNER}/${REPO}/pulls/2/files`,
    `GET /repos/${OWNER}/${REPO}/contents/README.md`,
    `GET /repos/${OWNER}/${REPO}/issues/2/comments`,
  ]);
  expect(roundTrips.count()).toBe(2);
  expect(roundTrips.count(/\/pulls\//)).toBe(1);
  const [get, files, , comments] = roundTrips.asked;
  expect(roundTrips.together(get!, files!)).toBe(true);
  expect(roundTrips.together(get!, comments!)).toBe(false);
});

test('a chain of requests, each asked for after the answer before it, counts each', async () => {
  const { roundTrips, octokit } = watchedOctokit();
  for (let i = 0; i < 3; i++) await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 2 });
  expect(roundTrips.count()).toBe(3);
  roundTrips.clear();
  expect(roundTrips.count()).toBe(0);
});
