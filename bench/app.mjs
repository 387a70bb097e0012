// The app's side of `npm run bench`: API calls against their floor, sequential round trips and
// webhook-to-check-run latency against a stand-in that adds 50 ms to every request, and sustained
// throughput, CPU and memory with Probot's throttling on. Runs the real server (Probot's run())
// against the local GitHub stand-in; figures are ratios to the stand-in's latency or to a floor.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { GitHubStandIn } from '../build-tools/dev/github-stand-in.js';
import { generateAppCredentials } from '../build-tools/dev/specgate-server.js';
import { deliverWebhook, pullRequestEvent } from '../build-tools/dev/webhooks.js';

const LATENCY_MS = 50;
const COMPLETE = readFileSync(new URL('../examples/specs/api-rate-limits.md', import.meta.url), 'utf8');
const INCOMPLETE = readFileSync(new URL('../examples/specs/audit-log-export.md', import.meta.url), 'utf8');
export const isToken = (record) => record.path.startsWith('/app/installations/');
const isWrite = (record) => record.method !== 'GET';
export const isCheckRunPost = (record) => record.method === 'POST' && record.path.endsWith('/check-runs');

let repoCount = 0;

/** A repository with a configuration and a pull request changing `files` files, `specs` of them specs. */
export function seed(github, { files, specs, spec, installation = 1 }) {
  repoCount += 1;
  const name = `bench-${repoCount}`;
  const repo = github.addRepo({ owner: 'Codertocat', name, defaultBranch: 'master', files: { '.github/specgate.yml': 'review_comments: true\n' } });
  const changes = {};
  // Each repository's specs are its own bytes, so no blob is already cached from another scenario.
  for (let i = 0; i < files; i++) changes[i < specs ? `docs/specs/spec-${i}.md` : `src/file-${i}.ts`] = i < specs ? `${spec}\n<!-- ${name} ${i} -->\n` : `export const x${i} = ${i};\n`;
  repo.openPullRequest({ number: 2, headRef: 'changes', files: changes });
  const event = (action) => {
    const payload = pullRequestEvent(repo, 2, action);
    payload.repository = { ...payload.repository, name, full_name: `Codertocat/${name}` };
    payload.installation = { ...payload.installation, id: installation };
    return payload;
  };
  return { repo, name, event };
}

/** Longest chain of requests each sent after the previous was answered, among those done by `until`. */
function roundTrips(records, until) {
  const done = records.filter((record) => record.end <= until).sort((a, b) => a.end - b.end);
  const chain = [];
  let longest = 0;
  done.forEach((record, index) => {
    let best = 0;
    for (let before = 0; before < index; before++) if (done[before].end <= record.start) best = Math.max(best, chain[before]);
    chain.push(best + 1);
    longest = Math.max(longest, best + 1);
  });
  return longest;
}

/**
 * Sends a delivery; `answered` settles when Probot answers, which is when every write is done.
 * Probot answers 202 when its handlers run past GitHub's 10-second window, and keeps working.
 */
export function dispatch(app, credentials, payload, id, { stillProcessingIsFine = true } = {}) {
  const sent = performance.timeOrigin + performance.now();
  const answered = deliverWebhook(app.url, credentials.webhookSecret, { name: 'pull_request', payload, id }).then((answer) => {
    const fine = answer.status === 200 || (stillProcessingIsFine && answer.status === 202);
    if (!fine) throw new Error(`webhook answered ${answer.status}: ${answer.body}`);
  });
  return { sent, answered };
}

/** Sends a delivery and waits for its answer; when counting calls, every one of them must be done. */
export async function deliver(app, credentials, payload, id, { stillProcessingIsFine = false } = {}) {
  const { sent, answered } = dispatch(app, credentials, payload, id, { stillProcessingIsFine });
  await answered;
  return sent;
}

/** The check run written for one repository, once the stand-in has answered it. */
async function checkRunOf(github, name, timeoutMs = 60_000) {
  for (const deadline = performance.now() + timeoutMs; performance.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 5))) {
    const found = github.requests.find((record) => isCheckRunPost(record) && record.path.startsWith(`/repos/Codertocat/${name}/`));
    if (found) return found;
  }
  throw new Error(`no check run for ${name} within ${timeoutMs} ms`);
}

const SCENARIOS = [
  { name: '1 spec in 3 files', files: 3, specs: 1, spec: INCOMPLETE },
  { name: '10 specs in 300 files', files: 300, specs: 10, spec: COMPLETE },
  { name: '3 specs in 3,000 files', files: 3000, specs: 3, spec: COMPLETE },
];

/** Calls vs floor, and round trips, for a first run and a re-run of each scenario (throttling on, as in production). */
export async function apiCalls() {
  const credentials = generateAppCredentials();
  const github = await GitHubStandIn.start({ latencyMs: LATENCY_MS, auth: { appId: credentials.appId, key: credentials.privateKey } });
  const app = await startAppProcess(github, credentials);
  const rows = [];
  try {
    for (const [index, scenario] of SCENARIOS.entries()) {
      // An installation of its own: the previous scenario's writes do not space this one's.
      const { event } = seed(github, { ...scenario, installation: 100 + index });
      for (const run of ['first run', 're-run']) {
        github.log.clear();
        const sent = await deliver(app, credentials, event(run === 'first run' ? 'opened' : 'reopened'), `${scenario.name}-${run}`);
        const records = github.requests.filter((record) => !isToken(record));
        const commentWrites = records.filter((record) => isWrite(record) && record.path.includes('/issues/')).length;
        const pages = Math.ceil(scenario.files / 100);
        const floor = run === 'first run' ? pages + scenario.specs + 1 + 1 + (commentWrites > 0 ? 2 : 0) : pages + 1;
        const checkRun = records.find(isCheckRunPost);
        const blobs = records.filter((record) => record.path.includes('/git/blobs/')).length;
        rows.push({
          scenario: `${scenario.name}, ${run}`,
          calls: records.length,
          floor,
          overFloor: records.length - floor,
          blobs,
          writes: records.filter(isWrite).length,
          roundTripsToCheckRun: checkRun ? roundTrips(records, checkRun.end) : '—',
          checkRunLatency: checkRun ? +((checkRun.end - sent) / LATENCY_MS).toFixed(1) : '—',
        });
      }
    }
  } finally {
    await app.stop();
    await github.close();
  }
  return rows;
}

/** p50 and p99 webhook-to-check-run latency, in units of the stand-in's 50 ms, over fresh pull requests. */
export async function latency(samples = 8) {
  const credentials = generateAppCredentials();
  const github = await GitHubStandIn.start({ latencyMs: LATENCY_MS, auth: { appId: credentials.appId, key: credentials.privateKey } });
  const app = await startAppProcess(github, credentials);
  const rows = [];
  const answers = [];
  let installation = 2000;
  try {
    for (const scenario of SCENARIOS.slice(0, 2)) {
      const ratios = [];
      for (let i = 0; i < samples; i++) {
        // An installation of its own: no earlier sample's writes space this one's. The comment and
        // review that follow the check run are not waited for.
        const { name, event } = seed(github, { ...scenario, installation: ++installation });
        const { sent, answered } = dispatch(app, credentials, event('opened'), `latency-${scenario.name}-${i}`);
        answers.push(answered);
        ratios.push(((await checkRunOf(github, name)).end - sent) / LATENCY_MS);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      ratios.sort((a, b) => a - b);
      const at = (q) => ratios[Math.min(ratios.length - 1, Math.ceil(q * ratios.length) - 1)];
      rows.push({ scenario: scenario.name, samples, p50: +at(0.5).toFixed(1), p99: +at(0.99).toFixed(1) });
    }
    await Promise.all(answers);
  } finally {
    await app.stop();
    await github.close();
  }
  return rows;
}

/**
 * `npm start`'s entry point in a process of its own, so its CPU and memory are its own and not the
 * stand-in's. `entry`, `env` and `execArgv` start another server the same way (bench/app-breakdown.mjs).
 */
export async function startAppProcess(github, credentials, { entry = '../build/app/main.js', env = {}, execArgv = [] } = {}) {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const child = spawn(process.execPath, [...execArgv, fileURLToPath(new URL(entry, import.meta.url))], {
    env: {
      ...process.env,
      APP_ID: String(credentials.appId),
      PRIVATE_KEY: credentials.privateKey,
      WEBHOOK_SECRET: credentials.webhookSecret,
      GHE_HOST: github.gheHost,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'fatal',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (await fetch(`${url}/ping`).then((answer) => answer.ok, () => false)) break;
  }
  return {
    url,
    pid: child.pid,
    // Linux's accounting of the process (all its threads): CPU in clock ticks of 10 ms, peak RSS in kB.
    cpuMs: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    peakRssMb: () => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024),
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))),
  };
}

export async function untilCheckRuns(github, count, timeoutMs = 240_000) {
  for (const deadline = performance.now() + timeoutMs; github.requests.filter(isCheckRunPost).length < count && performance.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * 50 installations with 2 pull requests each, all delivered at once, to `npm start`'s server in its
 * own process, throttling on. Probot's throttling (keyed by installation) lets each installation
 * write once a second and each delivery needs one write, so no schedule can finish before
 * (pull requests per installation - 1) seconds plus one delivery's own latency on an idle server:
 * that is the ceiling the measured time is a fraction of.
 */
export async function throughput({ installations = 50, perInstallation = 2 } = {}) {
  const credentials = generateAppCredentials();
  const github = await GitHubStandIn.start({ latencyMs: LATENCY_MS, auth: { appId: credentials.appId, key: credentials.privateKey } });
  const app = await startAppProcess(github, credentials);
  const spec = COMPLETE.repeat(Math.ceil(20_000 / COMPLETE.length)).slice(0, 20_000);
  try {
    // Warm, as a server in production is: a first burst of the same shape (other installations)
    // starts the check threads and lets V8 compile the hot paths; it is not measured. Then one
    // delivery alone on the idle server, timed: the ceiling's own latency.
    const warmUp = [];
    for (let installation = 1; installation <= installations; installation++) {
      for (let pull = 0; pull < perInstallation; pull++) warmUp.push(seed(github, { files: 3, specs: 1, spec, installation: 1000 + installation }).event('opened'));
    }
    await Promise.all(warmUp.map((payload, index) => deliver(app, credentials, payload, `warm-${index}`, { stillProcessingIsFine: true })));
    await untilCheckRuns(github, warmUp.length);
    const alone = seed(github, { files: 3, specs: 1, spec, installation: 999 });
    const { sent, answered } = dispatch(app, credentials, alone.event('opened'), 'alone');
    const idleSeconds = ((await checkRunOf(github, alone.name)).end - sent) / 1000;
    await answered;
    github.log.clear();
    const events = [];
    for (let installation = 1; installation <= installations; installation++) {
      for (let pull = 0; pull < perInstallation; pull++) events.push(seed(github, { files: 3, specs: 1, spec, installation }).event('opened'));
    }
    const cpuBefore = app.cpuMs();
    const started = performance.timeOrigin + performance.now();
    await Promise.all(events.map((payload, index) => deliver(app, credentials, payload, `throughput-${index}`, { stillProcessingIsFine: true })));
    await untilCheckRuns(github, events.length);
    const checkRuns = github.requests.filter(isCheckRunPost);
    const seconds = (Math.max(...checkRuns.map((record) => record.end)) - started) / 1000;
    const ceilingSeconds = (perInstallation - 1) * 1 + idleSeconds;
    // Let the comment lookups that follow each check run finish before reading the CPU.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cpuMs = app.cpuMs() - cpuBefore;
    return {
      deliveries: events.length,
      checkRuns: checkRuns.length,
      seconds: +seconds.toFixed(2),
      ceilingSeconds: +ceilingSeconds.toFixed(2),
      perSecond: +(checkRuns.length / seconds).toFixed(1),
      fractionOfCeiling: +(ceilingSeconds / seconds).toFixed(2),
      cpuMsPerDelivery: +(cpuMs / events.length).toFixed(1),
      peakRssMb: app.peakRssMb(),
    };
  } finally {
    await app.stop();
    await github.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const soFar = () => console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s so far)`);
  console.log('API calls per pull_request event (stand-in adds 50 ms a request; installation token not counted)');
  console.table(await apiCalls());
  soFar();
  console.log('Webhook-to-check-run latency, in units of the stand-in latency (50 ms)');
  console.table(await latency());
  soFar();
  console.log('Throughput with throttling on: 50 installations x 2 pull requests with one 20 KB spec');
  console.table([await throughput()]);
  soFar();
}
