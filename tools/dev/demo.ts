/**
 * `npm run demo`: specgate end to end on this machine, with no GitHub account.
 *
 * 1. Starts the GitHub stand-in (tools/dev/github-stand-in) and seeds Codertocat/Hello-World, the
 *    repository of GitHub's example webhooks, with pull request #2 adding
 *    docs/specs/audit-log-export.md (a copy of examples/specs/audit-log-export.md, incomplete).
 * 2. Starts the real specgate server with Probot's run() on a free 127.0.0.1 port, configured by
 *    environment variables only (a generated private key and webhook secret; GHE_HOST and
 *    GHE_PROTOCOL=http point it at the stand-in). Probot's retry is on; its throttling is off
 *    (an Octokit passed to run()), since it spaces writes a second apart, which only slows a demo.
 * 3. Sends GitHub's signed `pull_request.opened` example, patched to the pull request, waits for the
 *    app's answer, and prints the check run, the sticky comment and the review comments the app
 *    posted. Then it stops both servers and exits 0 (1 if anything failed).
 */
import { readFile } from 'node:fs/promises';
import { GitHubStandIn, type CheckRunRecord, type RepoHandle } from './github-stand-in/index.js';
import { generateAppCredentials, startSpecgate } from './specgate-server.js';
import { exampleWebhook, pullRequestEvent } from './webhooks.js';

const SOURCE = 'examples/specs/audit-log-export.md';
const SPEC_PATH = 'docs/specs/audit-log-export.md';

const indent = (text: string, by = '  '): string => text.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : `${by}${line}`)).join('\n');

function printCheckRun(run: CheckRunRecord): void {
  console.log(`Check run "${run.name}" on ${run.headSha.slice(0, 7)}`);
  console.log(`  status: ${run.status}`);
  console.log(`  conclusion: ${run.conclusion}`);
  console.log(`  title: ${run.output.title}`);
  console.log('  summary:');
  console.log(indent(run.output.summary ?? '', '    '));
  console.log(`  annotations (${run.annotations.length}):`);
  for (const annotation of run.annotations) {
    console.log(`    ${annotation.path}:${annotation.start_line} ${annotation.annotation_level} ${annotation.message}`);
  }
}

function printConversation(repo: RepoHandle, number: number): void {
  const comments = repo.issueComments(number);
  console.log(`\nSticky comment (${comments.length} on the pull request):`);
  for (const comment of comments) console.log(indent(comment.body));
  const reviewComments = repo.reviewComments(number);
  const reviews = repo.reviews(number).length;
  console.log(`\nReview comments (${reviewComments.length}, in ${reviews} review${reviews === 1 ? '' : 's'}):`);
  for (const comment of reviewComments) {
    console.log(`  ${comment.path}:${comment.line}`);
    console.log(indent(comment.body, '    '));
  }
}

async function main(): Promise<number> {
  const spec = await readFile(new URL(`../../${SOURCE}`, import.meta.url), 'utf8');
  const credentials = generateAppCredentials();
  const github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
  let app: Awaited<ReturnType<typeof startSpecgate>> | undefined;
  try {
    // The repository, pull request number, author and branches of GitHub's example delivery.
    const example = exampleWebhook('pull_request', 'opened');
    const { repository, pull_request: examplePull } = example;
    const repo = github.addRepo({
      owner: repository.owner.login,
      name: repository.name,
      id: repository.id,
      ownerId: repository.owner.id,
      defaultBranch: repository.default_branch,
      files: { 'README.md': `# ${repository.name}\n` },
    });
    const pull = repo.openPullRequest({ number: example.number, title: 'Add the audit log export spec', user: examplePull.user.login, headRef: examplePull.head.ref, files: { [SPEC_PATH]: spec } });
    app = await startSpecgate({ github, credentials, logLevel: process.env.LOG_LEVEL ?? 'warn' });

    console.log('specgate demo: the real app against a local GitHub stand-in (no GitHub account needed)\n');
    console.log(`GitHub stand-in  ${github.apiUrl}  (${repo.fullName}, default branch ${repository.default_branch})`);
    console.log(`specgate server  ${app.url}  (Probot run(), GHE_HOST=${github.gheHost} GHE_PROTOCOL=http, throttling off)`);
    console.log(`Pull request #${pull.number}  adds ${SPEC_PATH} (a copy of ${SOURCE}), head ${pull.headSha.slice(0, 7)}\n`);

    const delivery = await app.deliver('pull_request', pullRequestEvent(repo, pull.number, 'opened'));
    const calls = github.requests.length;
    console.log(`Delivered pull_request.opened: HTTP ${delivery.status} after ${delivery.ms} ms; the app made ${calls} GitHub API calls.\n`);
    if (delivery.status !== 200) throw new Error(`the app answered the webhook with ${delivery.status}: ${delivery.body}`);

    const runs = repo.checkRuns({ headSha: pull.headSha });
    if (runs.length === 0) throw new Error('the app posted no check run');
    for (const run of runs) printCheckRun(run);
    printConversation(repo, pull.number);
    const unknown = github.unknownRequests;
    if (unknown.length > 0) console.log(`\nCalls the stand-in does not implement: ${unknown.map((record) => `${record.method} ${record.path}`).join(', ')}`);
    return 0;
  } finally {
    await app?.stop();
    await github.close();
  }
}

// A demo must not hang: give up after 30 seconds.
const watchdog = setTimeout(() => {
  console.error('specgate demo: no result after 30 seconds; giving up.');
  process.exit(1);
}, 30_000);
watchdog.unref();

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`specgate demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
