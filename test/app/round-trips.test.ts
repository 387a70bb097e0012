/**
 * Sequential round trips from webhook to check run, with Probot's throttling on as in production
 * (`npm start`'s Octokit): the real server against the GitHub stand-in, whose request log says
 * which request was sent only after another had been answered.
 */
import { GitHubStandIn } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials, startSpecgate, type RunningApp } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';
import { fixture } from '../helpers/fixtures.js';

const COMPLETE = fixture('app/complete.md');
// What the verdict waits for: the configuration, the file list, the blobs and the check run itself.
// The installation token (created once, then cached) and the comment lookup after the check run are not on that path.
const TO_THE_CHECK_RUN = /^(GET \/repos\/[^/]+\/[^/]+\/(contents\/|pulls\/\d+\/files|git\/blobs\/)|POST \/repos\/[^/]+\/[^/]+\/check-runs)/;

const credentials = generateAppCredentials();
let github: GitHubStandIn;
let app: RunningApp;

beforeAll(async () => {
  // A little latency, so that requests sent together overlap in the log as they do on the network.
  github = await GitHubStandIn.start({ latencyMs: 40, auth: { appId: credentials.appId, key: credentials.privateKey } });
  app = await startSpecgate({ github, credentials, throttle: true });
});
afterAll(async () => {
  await app?.stop();
  await github?.close();
});

test('3 specs in 3,000 changed files: the check run is written within 4 round trips (all 30 file-list pages at once)', async () => {
  const repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', defaultBranch: 'master', files: { '.github/specgate.yml': 'comment: never\n' } });
  const files: Record<string, string> = {};
  for (let index = 0; index < 3000; index++) files[index < 3 ? `docs/specs/spec-${index}.md` : `src/file-${index}.ts`] = index < 3 ? `${COMPLETE}\n<!-- ${index} -->\n` : `export const x${index} = ${index};\n`;
  repo.openPullRequest({ number: 2, headRef: 'large', files });

  expect((await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'))).status).toBe(200);

  expect(repo.checkRuns()).toEqual([expect.objectContaining({ conclusion: 'success' })]);
  expect(github.log.filter('GET /repos/{owner}/{repo}/pulls/{pull_number}/files')).toHaveLength(30);
  expect(github.roundTrips(TO_THE_CHECK_RUN)).toBeLessThanOrEqual(4);
}, 60_000);
