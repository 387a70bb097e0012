// The core's and the CLI's side of `npm run bench`: specgate against markdownlint (MD043) and rumdl
// (MD043 + MD082) over the spec corpus beside the project. Every figure is a ratio to a peer
// measured in the same run, interleaved with it, with absolute MB/s for context.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';
import { checkSpec, createPolicy, parseTemplate } from '../build/core/index.js';
import { micromarkSpec } from '../build/core/micromark-events.js';
import { threadCount } from '../build/cli/threads.js';
import { CORPORA, CORPUS, median, requiredHeadings, rumdlBinary, writeRumdlConfig } from './corpora.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(CORPUS, 'rust-rfcs')) || !existsSync(join(CORPUS, 'kubernetes-keps'))) {
  console.log(`bench core: skipped: no spec corpus at ${CORPUS} (it needs the shared corpus beside the repository, or SPECGATE_CORPUS=DIR)`);
  process.exit(0);
}
// npm run bench must end within 5 minutes, even on a busy machine: bench/run.js says what is left of them.
const BUDGET_S = Math.min(270, Number(process.env.SPECGATE_BENCH_BUDGET_S) || 270);
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const scratch = mkdtempSync(join(tmpdir(), 'specgate-bench-'));

const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const fixed = (value, digits = 2) => value.toFixed(digits);

/** The two corpora (bench/corpora.mjs) with their files read, their template's policy and MD043's headings. */
function corpora() {
  const list = CORPORA.map((corpus) => ({ ...corpus, paths: corpus.paths() }));
  for (const corpus of list) {
    corpus.files = corpus.paths.map((path) => ({ path, name: relative(corpus.root, path), text: readFileSync(path, 'utf8') }));
    corpus.bytes = corpus.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    corpus.templateText = readFileSync(join(corpus.root, corpus.template), 'utf8');
    corpus.policy = createPolicy(parseTemplate(corpus.templateText)).policy;
    corpus.headings = requiredHeadings(corpus.templateText);
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// 1. The core, single-threaded, against markdownlint's MD043 through its library API.

/**
 * Both tools over every file, in chunks of about 1 MB that alternate which tool goes first, so
 * a neighbour's load falls on both alike. The ratio is the median of the chunks' ratios.
 */
function coreThroughput(corpus) {
  const config = { default: false, MD043: { headings: corpus.headings } };
  const tools = {
    specgate: (file) => checkSpec(file.text, corpus.policy),
    // The core before issue 16: the same rules on the section tree micromark's events gave.
    before: (file) => checkSpec(micromarkSpec(file.text), corpus.policy),
    markdownlint: (file) => lint({ strings: { [file.name]: file.text }, config }),
  };
  for (const file of corpus.files.slice(0, 20)) for (const tool of Object.values(tools)) tool(file); // warm up all

  const chunks = [];
  let chunk = { files: [], bytes: 0 };
  for (const file of corpus.files) {
    chunk.files.push(file);
    chunk.bytes += Buffer.byteLength(file.text);
    if (chunk.bytes >= 1e6) {
      chunks.push(chunk);
      chunk = { files: [], bytes: 0 };
    }
  }
  if (chunk.files.length > 0) chunks.push(chunk);

  const perFile = new Map();
  const names = Object.keys(tools);
  const totals = Object.fromEntries(names.map((name) => [name, 0]));
  const ratios = [];
  const beforeRatios = [];
  chunks.forEach((part, index) => {
    const time = Object.fromEntries(names.map((name) => [name, 0]));
    // Each chunk turns the order, so a neighbour's load falls on every tool alike.
    for (const tool of names.map((_, at) => names[(at + index) % names.length])) {
      for (const file of part.files) {
        const t0 = performance.now();
        tools[tool](file);
        const ms = performance.now() - t0;
        time[tool] += ms;
        if (tool === 'specgate') perFile.set(file, ms);
      }
    }
    for (const name of names) totals[name] += time[name];
    ratios.push(time.markdownlint / time.specgate);
    beforeRatios.push(time.before / time.specgate);
  });
  return {
    specgateMBps: mbps(corpus.bytes, totals.specgate),
    markdownlintMBps: mbps(corpus.bytes, totals.markdownlint),
    beforeMBps: mbps(corpus.bytes, totals.before),
    beforeRatio: median(beforeRatios),
    ratio: median(ratios),
    chunks: chunks.length,
    perFile,
  };
}

/** The slowest file of a corpus for the core, timed again (median of 5), as a multiple of the median file. */
function slowestFile(corpus, perFile) {
  const byTime = [...perFile].sort((a, b) => a[1] - b[1]);
  const medianFile = byTime[byTime.length >> 1][0];
  const candidates = byTime.slice(-3).map(([file]) => file);
  const times = new Map([medianFile, ...candidates].map((file) => [file, []]));
  for (let round = 0; round < 5; round++) {
    for (const file of times.keys()) {
      const t0 = performance.now();
      checkSpec(file.text, corpus.policy);
      times.get(file).push(performance.now() - t0);
    }
  }
  const medianMs = median(times.get(medianFile));
  const [slowest, slowestMs] = candidates.map((file) => [file, median(times.get(file))]).sort((a, b) => b[1] - a[1])[0];
  return { name: slowest.name, kb: Buffer.byteLength(slowest.text) / 1024, ms: slowestMs, medianMs, ratio: slowestMs / medianMs, mbps: mbps(Buffer.byteLength(slowest.text), slowestMs) };
}

// ---------------------------------------------------------------------------------------------
// 2. End to end: the `specgate check` CLI against markdownlint-cli2 and rumdl, as subprocesses.

function toolCommands(corpus, rumdl) {
  const cli2Config = join(scratch, `${corpus.name}.markdownlint-cli2.jsonc`);
  writeFileSync(cli2Config, JSON.stringify({ config: { default: false, MD043: { headings: corpus.headings } }, noProgress: true }));
  const specgate = [join(ROOT, 'bin', 'specgate.js'), 'check', ...corpus.specgateArgs, '--template', corpus.template];
  const commands = {
    specgate: [process.execPath, specgate],
    'markdownlint-cli2': [process.execPath, [join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '--config', cli2Config, ...corpus.markdownlintGlobs]],
  };
  if (rumdl.binary) {
    const toml = writeRumdlConfig(join(scratch, `${corpus.name}.rumdl.toml`), corpus.headings);
    const files = corpus.files.map((file) => file.name);
    commands.rumdl = [rumdl.binary, ['check', '--config', toml, '--no-cache', '--output-format', 'concise', ...files]];
    commands['rumdl (warm cache)'] = [rumdl.binary, ['check', '--config', toml, '--cache-dir', join(scratch, `${corpus.name}-rumdl-cache`), '--output-format', 'concise', ...files]];
  }
  // The same run on as many worker threads as cores, for what they bring (the default leaves one core to V8).
  // On 2 cores they brought nothing (1.01-1.09x slower over the runs of 2026-11-24 and -29, and no faster with no other
  // load on 2026-12-01: bench/cli-rounds.mjs compares them): left out there, for the budget.
  if (corpus.name === 'rust-rfcs' && availableParallelism() > 2) commands[`specgate, ${availableParallelism()} threads`] = [process.execPath, specgate, undefined, { SPECGATE_THREADS: String(availableParallelism()) }];
  // A re-run with `--cache` over an unchanged tree (the cache is filled before the rounds).
  commands['specgate --cache (warm)'] = [process.execPath, [...specgate, '--cache-location', join(scratch, `${corpus.name}.specgatecache`)]];
  // What a content-hash cache could not go below: start Node, find, read and hash every file.
  const floor = `const fs=require('fs'),c=require('crypto');for(const f of JSON.parse(fs.readFileSync(0,'utf8')))c.createHash('sha1').update(fs.readFileSync(f)).digest('hex')`;
  commands['cache floor'] = [process.execPath, ['-e', floor], JSON.stringify(corpus.files.map((file) => file.name))];
  return commands;
}

function run([command, args, input, env], cwd) {
  const t0 = performance.now();
  const result = spawnSync(command, args, { cwd, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (result.error || (result.status !== 0 && result.status !== 1)) throw new Error(`${command} ${args.slice(0, 3).join(' ')} failed (${result.status}): ${result.error ?? result.stderr}`);
  return ms;
}

/**
 * Rounds over both corpora, every tool once per round in an order that turns each round, until
 * three rounds are done or another would run past `deadline` (seconds into the bench).
 */
function cliThroughput(list, rumdl, deadline) {
  const plans = list.map((corpus) => {
    const commands = toolCommands(corpus, rumdl);
    if (commands['rumdl (warm cache)']) run(commands['rumdl (warm cache)'], corpus.root); // fill its cache
    run(commands['specgate --cache (warm)'], corpus.root); // and ours
    return { corpus, commands, times: Object.fromEntries(Object.keys(commands).map((name) => [name, []])) };
  });
  let rounds = 0;
  let roundSeconds = 0;
  while (rounds < 3 && (rounds === 0 || elapsed() + roundSeconds < deadline)) {
    const roundStart = elapsed();
    for (const { corpus, commands, times } of plans) {
      const names = Object.keys(commands);
      for (const name of names.map((_, index) => names[(index + rounds) % names.length])) times[name].push(run(commands[name], corpus.root));
    }
    rounds += 1;
    roundSeconds = elapsed() - roundStart;
  }
  return {
    rounds,
    results: plans.map(({ corpus, times }) => [
      corpus,
      Object.fromEntries(Object.entries(times).map(([name, values]) => [name, { ms: median(values), mbps: mbps(corpus.bytes, median(values)) }])),
    ]),
  };
}

// ---------------------------------------------------------------------------------------------
// 3. One document: a 5 MB spec and hostile ones, each in a process of its own for its peak memory.

function oneDocument(kind, size) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bench', 'one-doc.mjs'), kind, String(size)], { encoding: 'utf8' });
  if (result.status !== 0) return { kind, size, error: (result.stderr || '').split('\n').find((line) => /Error/.test(line)) ?? `exit ${result.status}` };
  return JSON.parse(result.stdout);
}

// ---------------------------------------------------------------------------------------------

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${availableParallelism()} cores (${cpu}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, \`npm run bench\``;
console.log(`specgate core and CLI bench: ${machine}`);
console.log('Every ratio is specgate throughput / the peer\'s, measured in this run, interleaved; above 1 means specgate is faster.\n');

const list = corpora();
const rows = [];
const row = (...cells) => rows.push(cells);

console.log('1. Core, single-threaded: checkSpec (all rules) vs markdownlint lint() with only MD043 on');
const slowest = [];
const coreMBps = {};
for (const corpus of list) {
  const result = coreThroughput(corpus);
  coreMBps[corpus.name] = result.specgateMBps;
  console.log(`   ${corpus.name}: ${corpus.files.length} files, ${fixed(corpus.bytes / 1e6, 1)} MB: specgate ${fixed(result.specgateMBps)} MB/s, the core before issue 16 ${fixed(result.beforeMBps)} MB/s (${fixed(result.beforeRatio)}x), markdownlint ${fixed(result.markdownlintMBps)} MB/s (${fixed(result.ratio)}x); medians of ${result.chunks} chunks`);
  row(`core, 1 thread, ${corpus.name}`, 'the core before issue 16 (micromark events)', `${fixed(result.specgateMBps)} MB/s`, `${fixed(result.beforeMBps)} MB/s`, `${fixed(result.beforeRatio)}x`, '>= 5x');
  row(`core, 1 thread, ${corpus.name}`, 'markdownlint 0.40 lint() MD043', `${fixed(result.specgateMBps)} MB/s`, `${fixed(result.markdownlintMBps)} MB/s`, `${fixed(result.ratio)}x`, '>= 6x');
  slowest.push([corpus, result.perFile]);
}
console.log(`   (${fixed(elapsed(), 0)} s so far)`);

console.log('\n2. Slowest single file for the core (median of 5 timings) against the median file');
for (const [corpus, perFile] of slowest) {
  const result = slowestFile(corpus, perFile);
  console.log(`   ${corpus.name}: ${result.name} (${fixed(result.kb, 0)} KB) ${fixed(result.ms, 1)} ms, ${fixed(result.ratio, 1)}x the median file's ${fixed(result.medianMs, 1)} ms; ${fixed(result.mbps)} MB/s`);
  row(`slowest file, ${corpus.name}`, 'median file', `${fixed(result.ms, 0)} ms (${fixed(result.kb, 0)} KB)`, `${fixed(result.medianMs, 1)} ms`, `${fixed(result.ratio, 1)}x slower`, 'size-bound');
}

const rumdl = rumdlBinary();
console.log(`\n3. CLI end to end (subprocesses; specgate as it runs by default: ${threadCount(Math.min(...list.map((corpus) => corpus.files.length)))} worker thread(s) for these runs)`);
if (rumdl.skip) console.log(`   rumdl: skipped: ${rumdl.skip}`);
else console.log(`   rumdl: ${rumdl.version}, MD043 + MD082 (allow-parent-headings), --no-cache unless "warm cache"`);
const cli = cliThroughput(list, rumdl, BUDGET_S - 75);
console.log(`   median of ${cli.rounds} rounds${cli.rounds < 3 ? ' (fewer than 3: this machine is busy and the bench keeps to 5 minutes)' : ''}`);
for (const [corpus, result] of cli.results) {
  const specgate = result.specgate;
  console.log(`   ${corpus.name}: ${Object.entries(result).map(([name, { ms, mbps: rate }]) => `${name} ${fixed(ms / 1000)} s (${fixed(rate)} MB/s)`).join(', ')}`);
  const versus = (name, peer, target) => {
    const other = result[name];
    if (other) row(`CLI, ${corpus.name}`, peer, `${fixed(specgate.mbps)} MB/s`, `${fixed(other.mbps)} MB/s`, `${fixed(other.ms / specgate.ms)}x`, target);
  };
  versus('markdownlint-cli2', 'markdownlint-cli2 0.20 (MD043)', '>= 2.4x');
  versus(`specgate, ${availableParallelism()} threads`, `specgate itself, SPECGATE_THREADS=${availableParallelism()}`, 'context');
  if (rumdl.skip) row(`CLI, ${corpus.name}`, 'rumdl', 'skipped', rumdl.skip, '', '');
  versus('rumdl', `${rumdl.version ?? 'rumdl'} (MD043+MD082), no cache`, 'within 3x (>= 0.33x)');
  versus('rumdl (warm cache)', `${rumdl.version ?? 'rumdl'}, warm cache`, 'context');
  versus('cache floor', 'Node: find, read, hash every file', 'context');
  // A re-run over an unchanged tree: specgate's cache against rumdl's, and against rumdl checking afresh.
  const warm = result['specgate --cache (warm)'];
  for (const [name, peer, target] of [
    ['rumdl (warm cache)', `${rumdl.version ?? 'rumdl'}, warm cache`, 'within 2x (>= 0.5x)'],
    ['rumdl', `${rumdl.version ?? 'rumdl'}, no cache`, 'context'],
  ]) {
    const other = result[name];
    if (warm && other) row(`CLI re-run with --cache, ${corpus.name}`, peer, `${fixed(warm.mbps)} MB/s`, `${fixed(other.mbps)} MB/s`, `${fixed(other.ms / warm.ms)}x`, target);
  }
}
console.log(`   (${fixed(elapsed(), 0)} s so far)`);

console.log('\n4. One document through the core (a process each, peak RSS of that process)');
const cases = [
  ['spec-bytes', 1024 * 1024, 'a 1 MB spec (KEPs end to end)'],
  ['spec-bytes', 5 * 1024 * 1024, 'a 5 MB spec (KEPs end to end)'],
  ['open-brackets', 50_000, '50,000 `[`'],
  ['open-brackets', 100_000, '100,000 `[`'],
  ['nested-lists', 5_000, '5,000 nested list items'],
  ['nested-lists', 10_000, '10,000 nested list items'],
  ['headings', 25_000, '25,000 headings'],
  ['headings', 50_000, '50,000 headings'],
  ['deep-quotes', 100, 'quotes 100 deep, 1,000 lines'],
  ['deep-quotes', 180, 'quotes 180 deep, 1,000 lines'],
  ['long-line', 512 * 1024, 'a 512 KB line'],
  ['long-line', 1024 * 1024, 'a 1 MB line'],
];
const documents = [];
for (const [kind, size, label] of cases) {
  // The larger of a kind takes about its growth factor (x18 for the 5 MB spec, x5 for 10,000 nested
  // lists) times its smaller sibling, just measured; one that would overrun the budget is left out.
  const sibling = documents.find(([, other]) => other.kind === kind && !other.error)?.[1];
  const needs = sibling ? (2.5 * sibling.ms) / 1000 + 5 : 5;
  const result = elapsed() + needs > BUDGET_S ? { kind, size, error: 'skipped: the machine is busy and the bench keeps to 5 minutes' } : oneDocument(kind, size);
  documents.push([label, result]);
  if (result.error) console.log(`   ${label}: ${result.error}`);
  else console.log(`   ${label}: ${fixed(result.bytes / 1024, 0)} KB in ${fixed(result.ms, 0)} ms cold (${fixed(mbps(result.bytes, result.ms))} MB/s), ${fixed(result.warmMs, 0)} ms warm (${fixed(mbps(result.bytes, result.warmMs))} MB/s), peak RSS ${fixed(result.peakRssMb, 0)} MB (${fixed(result.baseRssMb, 0)} MB before)`);
}
/** How much longer the larger document of a kind took than the smaller one, for their ratio of sizes. */
const growth = (kind) => {
  const [small, large] = documents.filter(([, result]) => result.kind === kind && !result.error).map(([, result]) => result);
  return small && large ? `time x${fixed(large.ms / small.ms, 1)} for x${fixed(large.bytes / small.bytes, 1)} the size` : '';
};
for (const [label, result] of documents) {
  if (result.error) {
    row(`one document: ${label}`, '', result.error, '', '', '');
    continue;
  }
  const isLarger = result.size === Math.max(...documents.filter(([, other]) => other.kind === result.kind).map(([, other]) => other.size));
  const target = { 'nested-lists': 'too-complex, no crash' }[result.kind] ?? 'linear, <= 2x the corpus time per byte';
  row(`one document: ${label}`, 'its smaller sibling', `${fixed(result.ms, 0)} ms cold, ${fixed(result.peakRssMb, 0)} MB peak RSS`, `${fixed(mbps(result.bytes, result.ms))} MB/s`, isLarger ? growth(result.kind) : '', target);
  // Time per byte against the corpus's, both warm: the corpus rate is a median of warm chunks.
  const corpusMBps = coreMBps['kubernetes-keps'];
  if (isLarger && corpusMBps && result.kind !== 'nested-lists') {
    const warmMBps = mbps(result.bytes, result.warmMs);
    row(`one document: ${label}, warm`, 'the KEP corpus, same template, same run', `${fixed(warmMBps)} MB/s`, `${fixed(corpusMBps)} MB/s`, `${fixed(corpusMBps / warmMBps, 1)}x the time per byte`, '<= 2x');
  }
}

const table = [
  `Machine: ${machine}`,
  '',
  '| measure | peer | specgate | peer | ratio | target |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((cells) => `| ${cells.join(' | ')} |`),
].join('\n');
console.log(`\n${table}\n\n(bench took ${fixed(elapsed(), 0)} s; copy this table into bench/README.md)`);
if (elapsed() > BUDGET_S + 20) console.log('Warning: over the budget bench/run.js gave this part.');
