/**
 * Sequential round trips from webhook to check run, with Probot's throttling on as in production
 * (`npm start`'s Octokit): the real server against the GitHub stand-in. A round trip is counted
 * from the app's side (test/helpers/round-trips.ts): a request the app asked for only after it had
 * another's answer, never by the clock, so a loaded machine counts the same.
 */
import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials, startSpecgate, type RunningApp } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture } from '../helpers/fixtures.js';
import { watchRoundTrips } from '../helpers/round-trips.js';

const COMPLETE = fixture('app/complete.md');
// What the verdict waits for: the configuration, the file list, the blobs and the check run itself.
// The installation token (created once, then cached) and the comment lookup after the check run are not on that path.
const TO_THE_CHECK_RUN = /^(GET \/repos\/[^/]+\/[^/]+\/(contents\/|pulls\/\d+\/files|git\/blobs\/)|POST \/repos\/[^/]+\/[^/]+\/check-runs)/;

const credentials = generateAppCredentials();
let github: GitHubStandIn;
let app: RunningApp;
const roundTrips = watchRoundTrips();

beforeAll(async () => {
  github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
  app = await startSpecgate({ github, credentials, throttle: true, plugins: [roundTrips.plugin] });
});
afterAll(async () => {
  await app?.stop();
  await github?.close();
});

test('3 specs in 3,000 changed files: the check run is written in 3 round trips (all 30 file-list pages at once)', async () => {
  const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', defaultBranch: 'master', files: { '.github/specgate.yml': 'comment: never\n' } });
  const files: Record<string, string> = {};
  for (let index = 0; index < 3000; index++) files[index < 3 ? `docs/specs/spec-${index}.md` : `src/file-${index}.ts`] = index < 3 ? `${COMPLETE}\n<!-- ${index} -->\n` : `export const x${index} = ${index};\n`;
  repo.openPullRequest({ number: 2, headRef: 'large', files });

  expect((await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'))).status).toBe(200);

  expect(repo.checkRuns()).toEqual([expect.objectContaining({ conclusion: 'success' })]);
  expect(github.log.filter('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')).toHaveLength(30);
  // The configuration with all 30 file-list pages, then the three blobs, then the check run.
  expect(roundTrips.count(TO_THE_CHECK_RUN)).toBe(3);
}, 60_000);
