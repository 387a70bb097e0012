/**
 * specgate end to end over real HTTP, no nock: the real server (Probot's run(), configured by
 * environment variables as `npm start` is) against the GitHub stand-in, with signed webhooks.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { GitHubStandIn, type RepoHandle } from '../../tools/dev/github-stand-in/index.js';
import { generateAppCredentials, startSpecgate, type RunningApp } from '../../tools/dev/specgate-server.js';
import { pullRequestEvent } from '../../tools/dev/webhooks.js';
import { watchRoundTrips } from '../helpers/round-trips.js';

const SPEC = 'docs/specs/audit-log-export.md';
const INCOMPLETE = readFileSync(new URL('../../examples/specs/audit-log-export.md', import.meta.url), 'utf8');

/** The same spec with every section of the built-in template written. */
const COMPLETE = `# Audit log export

## Context and Goal
Enterprise customers ask for their audit logs in their own SIEM. Today they open a support ticket
and we send a CSV by hand, which takes days and is easy to get wrong.

## Outcomes
- Customers stream audit events to S3 or a webhook within a minute of the event.

## Stakeholders
The compliance team owns delivery; security engineering reviews; the head of enterprise support
signs off before general availability.

## User Stories
- As an organisation owner, I can point the audit log at my S3 bucket so that my SIEM ingests it.
- As a security analyst, I can replay a day of events so that a gap in my SIEM can be filled.

## API Contract
\`POST /orgs/{org}/audit-log/streams\` creates a destination; \`DELETE\` removes it. Events are JSON
lines, one per event, with the same fields as the audit log API, versioned with the public API.

## Data Model
Export destinations are stored per organisation; the secret for a webhook is encrypted with the
organisation's key. Failed deliveries are kept for seven days and retried with backoff.

## Orchestration
A queue consumer batches events per destination every ten seconds; a failed batch is retried with
exponential backoff and parked after a day, which alerts the on-call engineer.

## Security
Only organisation owners can configure an export. Every change to a destination is itself an audit
event.

## Observability
We count delivered and failed events per destination and alert on a failure rate over 5%.

## Acceptance Criteria
An export to a test bucket receives every event of a scripted session, in order.

## Rollout
Beta for three customers, then general availability behind the enterprise plan.

## Open Questions
- Do we offer Azure Blob Storage at launch, or after the beta?
`;

const logLevel = (process.env.TEST_LOG_LEVEL as 'debug' | undefined) ?? 'silent';

describe('a pull request through the real server and the GitHub stand-in', () => {
  const credentials = generateAppCredentials();
  let github: GitHubStandIn;
  let app: RunningApp;
  let repo: RepoHandle;
  const roundTrips = watchRoundTrips();

  // A fresh GitHub and a fresh app for each test: the app keeps memory of what it posted, as it would for one real repository.
  beforeEach(async () => {
    github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
    roundTrips.clear();
    app = await startSpecgate({ github, credentials, logLevel, plugins: [roundTrips.plugin] });
    repo = github.addRepo({ owner: 'Codertocat', name: 'Hello-World', id: 186853002, ownerId: 21031067, defaultBranch: 'master', files: { 'README.md': '# Hello-World\n' } });
  });
  afterEach(async () => {
    await app.stop();
    await github.close();
    // Every call the app made is one the stand-in implements, and the stand-in never failed itself.
    expect(github.unknownRequests).toEqual([]);
    expect(github.handlerErrors).toEqual([]);
  });

  test('an incomplete spec ends with one completed failing check run with annotations, one sticky comment and one review', async () => {
    const pull = repo.openPullRequest({ number: 2, headRef: 'changes', user: 'Codertocat', files: { [SPEC]: INCOMPLETE } });
    const delivery = await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'));
    expect(delivery.status).toBe(200);

    const runs = repo.checkRuns();
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run).toMatchObject({ name: 'Spec completeness', headSha: pull.headSha, status: 'completed', conclusion: 'failure' });
    expect(run!.output.title).toMatch(/incomplete/);
    expect(run!.output.summary).toContain(SPEC);
    expect(run!.annotations.length).toBeGreaterThan(0);
    for (const annotation of run!.annotations) {
      expect(annotation).toMatchObject({ path: SPEC, start_line: expect.any(Number), annotation_level: expect.stringMatching(/^(failure|warning|notice)$/) });
    }
    // Each finding once on the diff: "Orchestration" is a one-click suggestion in a line comment, not also an annotation.
    expect(run!.annotations.map((annotation) => annotation.message)).toContainEqual(expect.stringContaining('"API Contract" is empty'));
    expect(run!.annotations.map((annotation) => annotation.message)).not.toContainEqual(expect.stringContaining('"Orchestration" is missing'));
    expect(repo.reviewComments(2).map((comment) => comment.body)).toContainEqual(expect.stringContaining('```suggestion\n## Orchestration'));

    const comments = repo.issueComments(2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.login).toBe('specgate[bot]');
    expect(comments[0]!.body).toContain('<!-- specgate:sticky -->');
    expect(comments[0]!.body).toContain(SPEC);

    const reviews = repo.reviews(2);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.commitId).toBe(pull.headSha);
    expect(reviews[0]!.comments.length).toBeGreaterThan(0);
    for (const comment of reviews[0]!.comments) expect(comment).toMatchObject({ path: SPEC, side: 'RIGHT' });
  });

  test('a push that completes the spec passes the check and turns the same sticky comment into the passing note', async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', user: 'Codertocat', files: { [SPEC]: INCOMPLETE } });
    expect((await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'))).status).toBe(200);
    const [sticky] = repo.issueComments(2);
    const failingReviewComments = repo.reviewComments(2).length;

    const pushed = repo.push(2, { [SPEC]: COMPLETE }, 'Complete the audit log export spec');
    const delivery = await app.deliver('pull_request', pullRequestEvent(repo, 2, 'synchronize'));
    expect(delivery.status).toBe(200);

    const run = repo.checkRuns({ headSha: pushed.headSha });
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ status: 'completed', conclusion: 'success', annotations: [] });

    const comments = repo.issueComments(2);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(sticky!.id);
    expect(comments[0]!.body).not.toBe(sticky!.body);
    expect(comments[0]!.body).toContain('<!-- specgate:sticky -->');
    expect(comments[0]!.body).toContain('✅');
    expect(comments[0]!.body).toContain(pushed.headSha);
    // Nothing to say on the diff any more: no second review.
    expect(repo.reviews(2)).toHaveLength(1);
    expect(repo.reviewComments(2)).toHaveLength(failingReviewComments);
  });

  test('a pull request without specs passes with one check run and no comment; the first round trip asks for the configuration and the files together', async () => {
    repo.openPullRequest({ number: 3, headRef: 'readme', files: { 'README.md': '# Hello-World\n\nMore.\n' } });
    expect((await app.deliver('pull_request', pullRequestEvent(repo, 3, 'opened'))).status).toBe(200);
    expect(repo.checkRuns()).toEqual([expect.objectContaining({ conclusion: 'success', output: expect.objectContaining({ title: 'No spec files changed' }) })]);
    expect(repo.issueComments(3)).toEqual([]);
    const asked = (pattern: RegExp) => roundTrips.asked.find((request) => pattern.test(`${request.method} ${request.path}`))!;
    const files = asked(/^GET \/repos\/[^/]+\/[^/]+\/pulls\/3\/files$/);
    const config = asked(/^GET \/repos\/[^/]+\/[^/]+\/contents\//);
    expect(roundTrips.together(config, files)).toBe(true);
    expect(roundTrips.count()).toBeLessThan(roundTrips.asked.length);
  });

  test('more findings than GitHub takes in one request: one check run holds every annotation (a create, then updates)', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 8; index++) files[`docs/specs/spec-${index}.md`] = `# Spec ${index}\n\nNothing written yet.\n`;
    // No line comments: every finding is an annotation.
    repo.commit({ '.github/specgate.yml': 'review_comments: never\n' });
    repo.openPullRequest({ number: 4, headRef: 'many', files });
    expect((await app.deliver('pull_request', pullRequestEvent(repo, 4, 'opened'))).status).toBe(200);
    const runs = repo.checkRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.annotations.length).toBeGreaterThan(50);
    expect(new Set(runs[0]!.annotations.map((annotation) => annotation.path)).size).toBe(8);
    // Every request was within GitHub's limit of 50 annotations (the stand-in answers 422 otherwise).
    expect(github.requests.filter((record) => record.route?.includes('check-runs')).map((record) => record.status)).toEqual([201, 200]);
  });

  test('npm run demo prints the check run the app posts for this pull request (its title, conclusion: failure), the sticky comment and the review comments, and exits 0', async () => {
    repo.openPullRequest({ number: 2, headRef: 'changes', user: 'Codertocat', files: { [SPEC]: INCOMPLETE } });
    expect((await app.deliver('pull_request', pullRequestEvent(repo, 2, 'opened'))).status).toBe(200);
    const [run] = repo.checkRuns();

    // `npm test` builds first; the demo runs from the build, as `npm run demo` does.
    const entry = new URL('../../build-tools/dev/demo.js', import.meta.url);
    expect(existsSync(entry)).toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [entry.pathname], { timeout: 30_000, env: { ...process.env, LOG_LEVEL: 'warn' } });
    expect(stdout).toContain(`Check run "${run!.name}"`);
    expect(stdout).toContain(`  title: ${run!.output.title}\n`);
    expect(stdout).toContain('  conclusion: failure\n');
    const annotation = run!.annotations[0]!;
    expect(stdout).toContain(`    ${annotation.path}:${annotation.start_line} ${annotation.annotation_level} ${annotation.message}\n`);
    expect(stdout).toContain('<!-- specgate:sticky -->');
    expect(stdout).toContain(`Review comments (${repo.reviewComments(2).length}, in 1 review)`);
  });
});
