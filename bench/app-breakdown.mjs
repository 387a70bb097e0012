// Issue 16, target 4: CPU per delivery and peak RSS of the app at 50 installations x 2 pull
// requests (one 20 KB spec each), and where that CPU goes, all in one run:
//   - the real server (`npm start`'s build/app/main.js) in a process of its own;
//   - the same server with specgate's app replaced (bench/stub-server.mjs): one that does nothing
//     (Probot's floor: the signed delivery, the gate, Probot's middleware and logger) and one that
//     only makes the Octokit requests one specgate delivery made, recorded first (the GitHub client's cost);
//   - in this process: the core's check of the 20 KB spec, the worker-thread hand-off of the same
//     job (post and structured clone both ways), and JSON of the delivery's payload;
//   - a CPU profile (--cpu-prof) of the real server: the top functions, and self time by owner.
// CPU is Linux's accounting of the server process (all threads); peak RSS its VmHWM.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { GitHubStandIn } from '../build-tools/dev/github-stand-in.js';
import { generateAppCredentials, startSpecgate } from '../build-tools/dev/specgate-server.js';
import { compilePolicy } from '../build/config/compiled-policy.js';
import { policyOptions, defaultConfig } from '../build/config/load.js';
import { builtinTemplate } from '../build/config/builtin-template.js';
import { checkSpec } from '../build/core/check.js';
import { decodeSpec } from '../build/core/decode.js';
import { CheckPool } from '../build/pipeline/check-pool.js';
import { deliver, isCheckRunPost, seed, startAppProcess, untilCheckRuns } from './app.mjs';

const INSTALLATIONS = 50;
const PER_INSTALLATION = 2;
const LATENCY_MS = 50;
const COMPLETE = readFileSync(new URL('../examples/specs/api-rate-limits.md', import.meta.url), 'utf8');
const SPEC = COMPLETE.repeat(Math.ceil(20_000 / COMPLETE.length)).slice(0, 20_000);
const workDir = mkdtempSync(join(tmpdir(), 'specgate-app-breakdown-'));

const cpuMsOf = (usage) => (usage.user + usage.system) / 1000;
const round = (value, digits = 1) => +value.toFixed(digits);

/** The Octokit requests one specgate delivery makes (installation tokens aside), with their parameters. */
export async function recordTape() {
  const credentials = generateAppCredentials();
  const github = await GitHubStandIn.start({ auth: { appId: credentials.appId, key: credentials.privateKey } });
  const requests = [];
  const fileShas = [];
  const recorder = (octokit) => {
    octokit.hook.before('request', (options) => {
      if (options.url.startsWith('/app/')) return;
      const { method, url, baseUrl, request, headers, ...parameters } = options;
      const { authorization, 'user-agent': agent, ...rest } = headers ?? {};
      // A next page's URL is absolute: the stub's client has its own base URL.
      requests.push({ method, url: url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url, parameters: { ...parameters, headers: rest } });
    });
    // Blob SHAs are each repository's own: the stub finds its blob at the same place in its file list.
    octokit.hook.after('request', (response, options) => {
      if (options.url === '/repos/{owner}/{repo}/pulls/{pull_number}/files') fileShas.push(...response.data.map((file) => file.sha));
    });
  };
  const app = await startSpecgate({ github, credentials, logLevel: 'fatal', plugins: [recorder] });
  try {
    const { name, event } = seed(github, { files: 3, specs: 1, spec: SPEC, installation: 1 });
    const payload = event('opened');
    await app.deliver('pull_request', payload, 'tape');
    return { repo: name, headSha: payload.pull_request.head.sha, fileShas, requests, payloadBytes: JSON.stringify(payload).length, payload };
  } finally {
    await app.stop();
    await github.close();
  }
}

/**
 * A warm-up burst of the scenario's shape (other installations, not measured), then the measured
 * burst: every delivery at once, each waited for; for specgate, every check run too.
 */
export async function measureServer({ stub, tapeFile, execArgv = [] }) {
  const credentials = generateAppCredentials();
  const github = await GitHubStandIn.start({ latencyMs: LATENCY_MS, auth: { appId: credentials.appId, key: credentials.privateKey } });
  const env = stub ? { SPECGATE_BENCH_STUB: stub, SPECGATE_BENCH_TAPE: tapeFile } : {};
  const app = await startAppProcess(github, credentials, { entry: stub ? './stub-server.mjs' : '../build/app/main.js', env, execArgv });
  const rssOf = (field) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))[1]) / 1024);
  const idleRssMb = rssOf('VmRSS');
  const burst = async (installationBase, label) => {
    const events = [];
    for (let installation = 1; installation <= INSTALLATIONS; installation++) {
      for (let pull = 0; pull < PER_INSTALLATION; pull++) events.push(seed(github, { files: 3, specs: 1, spec: SPEC, installation: installationBase + installation }).event('opened'));
    }
    const checkRunsBefore = github.requests.filter(isCheckRunPost).length;
    await Promise.all(events.map((payload, index) => deliver(app, credentials, payload, `${label}-${index}`, { stillProcessingIsFine: true })));
    if (!stub) await untilCheckRuns(github, checkRunsBefore + events.length);
    // The comment lookups that follow each check run.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return events.length;
  };
  try {
    await burst(1000, 'warm');
    const cpuBefore = app.cpuMs();
    const requestsBefore = github.requests.length;
    const deliveries = await burst(0, 'measured');
    return {
      cpuMsPerDelivery: (app.cpuMs() - cpuBefore) / deliveries,
      requestsPerDelivery: (github.requests.length - requestsBefore) / deliveries,
      idleRssMb,
      peakRssMb: rssOf('VmHWM'),
    };
  } finally {
    await app.stop();
    await github.close();
  }
}

/** Milliseconds of this process's CPU (all threads) per call of `work`, after a warm-up. */
async function cpuPerCall(work, calls = 200) {
  for (let i = 0; i < 20; i++) await work(i);
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await work(i);
  return cpuMsOf(process.cpuUsage(before)) / calls;
}

/** The check of one 20 KB spec in this thread, the pool's whole round trip, and an echo worker's round trip of the same job and answer. */
async function inProcess(tape) {
  const config = defaultConfig();
  const options = policyOptions(config);
  const template = builtinTemplate();
  const specs = Array.from({ length: 64 }, (_, i) => new TextEncoder().encode(`${SPEC}\n<!-- ${i} -->\n`));
  const core = await cpuPerCall((i) => checkSpec(decodeSpec(specs[i % 64], config.max_file_size).text, compilePolicy(template, options).policy));
  const pool = new CheckPool({ timeoutMs: 10_000, memoryMb: 256, threads: 1 });
  const onPool = await cpuPerCall((i) => pool.check({ bytes: specs[i % 64], templateText: template, options, maxBytes: config.max_file_size }));
  await pool.close();
  const text = decodeSpec(specs[0]).text;
  const answer = { findings: checkSpec(text, compilePolicy(template, options).policy), text };
  const echo = new Worker('const { parentPort } = require("node:worker_threads"); let answer; parentPort.on("message", (m) => { if (m.answer) answer = m.answer; else parentPort.postMessage({ ...answer, id: m.id }); });', { eval: true });
  echo.postMessage({ answer });
  let id = 0;
  const handOff = await cpuPerCall(() => new Promise((resolve) => {
    echo.once('message', resolve);
    echo.postMessage({ id: ++id, bytes: specs[id % 64], templateText: template, options, maxBytes: config.max_file_size });
  }));
  await echo.terminate();
  const body = JSON.stringify(tape.payload);
  const json = await cpuPerCall(() => JSON.parse(body), 2000) + (await cpuPerCall(() => JSON.stringify(tape.payload), 2000));
  return { core, onPool, handOff, json, payloadKb: body.length / 1024 };
}

/** Self time by function and by owner (ours, Probot/Octokit/HTTP, JSON, GC, ...), over every thread's profile. */
function summariseProfiles(dir) {
  const byFunction = new Map();
  const byOwner = new Map();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
    const hits = new Map(profile.nodes.map((node) => [node.id, 0]));
    for (const sample of profile.samples) hits.set(sample, hits.get(sample) + 1);
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') continue;
      const ms = hits.get(node.id) * interval;
      if (ms === 0) continue;
      total += ms;
      const where = url.replace(/^file:\/\/.*?\/(node_modules|build)\//, '$1/');
      const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
      const owner = ownerOf(functionName, url);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    }
  }
  const share = (ms) => `${((100 * ms) / total).toFixed(1)}%`;
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, ms]) => ({ function: fn, self: share(ms) }));
  const owners = [...byOwner].sort((a, b) => b[1] - a[1]).map(([owner, ms]) => ({ owner, self: share(ms) }));
  return { top, owners };
}

function ownerOf(functionName, url) {
  if (functionName === '(garbage collector)') return 'GC';
  if (/\/build\/(core|config)\//.test(url) || /markdown-it|mdurl|uc\.micro|linkify|punycode|entities/.test(url)) return 'core (check)';
  if (/\/build\//.test(url)) return 'specgate app (gather, publish, render)';
  if (/pino|sonic-boom|thread-stream/.test(url)) return 'logging (pino)';
  if (/bottleneck/.test(url)) return 'Bottleneck (throttling)';
  if (/@octokit|probot|universal-user-agent|before-after-hook|fast-content-type|json-with-bigint/.test(url)) return 'Probot/Octokit';
  if (/undici|node:internal\/deps\/undici/.test(url)) return 'undici (fetch)';
  if (/^node:internal\/(http|_http|net|stream|streams|dns|tls)|node:(http|net|_http)/.test(url)) return 'Node http/net/streams';
  if (/^node:internal\/crypto|jsonwebtoken|jws|jwa/.test(url) || /Sign|Verify|Hmac|timingSafeEqual/.test(functionName)) return 'crypto';
  if (url === '' && /^(parse|stringify)$/.test(functionName)) return 'JSON';
  if (/^(postMessage|serialize|deserialize)/.test(functionName)) return 'worker hand-off (postMessage)';
  if (functionName === 'createPrivateKey' || /crypto/.test(url)) return 'crypto';
  if (url === '') return 'native (regexps, buffers, microtasks, ...)';
  if (/^node:internal\/(modules|bootstrap)/.test(url)) return 'module loading';
  if (/^node:/.test(url)) return 'Node (other)';
  return url.replace(/^file:\/\/.*?node_modules\//, '').split('/')[0];
}

async function main() {
  const started = performance.now();
  const tape = await recordTape();
  const tapeFile = join(workDir, 'tape.json');
  writeFileSync(tapeFile, JSON.stringify(tape));
  const specgate = await measureServer({});
  const nothing = await measureServer({ stub: 'nothing' });
  const calls = await measureServer({ stub: 'calls', tapeFile });
  const local = await inProcess(tape);
  const profileDir = join(workDir, 'profile');
  await measureServer({ execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
  const profile = summariseProfiles(profileDir);
  rmSync(workDir, { recursive: true, force: true });

  console.log(`50 installations x 2 pull requests, one 20 KB spec each, the measured burst after a warm one; ${tape.requests.length} Octokit requests a delivery`);
  console.table([
    { server: 'specgate (npm start)', ...row(specgate) },
    { server: "Probot's floor: app does nothing", ...row(nothing) },
    { server: 'app only makes the same Octokit requests', ...row(calls) },
  ]);
  console.log('In this process, per call (CPU of all threads)');
  console.table([
    { part: 'core: decode + check of the 20 KB spec', ms: round(local.core, 2) },
    { part: 'check on the pool (hand-off + check on a worker)', ms: round(local.onPool, 2) },
    { part: 'hand-off alone: post job + structured clone of job and answer, echo worker', ms: round(local.handOff, 2) },
    { part: `JSON: parse + stringify of the delivery payload (${local.payloadKb.toFixed(0)} KB)`, ms: round(local.json, 2) },
  ]);
  const requestsMs = (calls.cpuMsPerDelivery - nothing.cpuMsPerDelivery) / tape.requests.length;
  console.log(`Octokit/Probot per request (same requests minus nothing, over ${tape.requests.length}): ${requestsMs.toFixed(1)} ms`);
  console.log(`specgate's own (specgate minus same requests): ${(specgate.cpuMsPerDelivery - calls.cpuMsPerDelivery).toFixed(1)} ms a delivery`);
  console.log('CPU profile of the real server (warm and measured bursts, every thread): self time by owner');
  console.table(profile.owners);
  console.log('Top functions by self time');
  console.table(profile.top);
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);

  function row(measured) {
    return {
      'CPU ms/delivery': round(measured.cpuMsPerDelivery),
      'stand-in requests/delivery': round(measured.requestsPerDelivery),
      'idle RSS MB': measured.idleRssMb,
      'peak RSS MB': measured.peakRssMb,
    };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
