// The `specgate check` CLI, cold, over the shared corpora, in variants side by side: thread counts
// (SPECGATE_THREADS), another build of specgate (a baseline checkout), and rumdl as `npm run bench`
// configures it. Every variant runs once per round in an order that turns each round; the medians
// of wall-clock and CPU time (user + system, of the process and its threads) are printed, with the
// load average before and after, so a busy machine shows.
//
//   node bench/cli-rounds.mjs [--rounds 5] [--corpus rust-rfcs] [--variant NAME:ENV=VALUE,...] [--specgate NAME=BIN]
//
// NODE_FLAGS in a variant's environment are flags for node itself. With no --variant: the default, SPECGATE_THREADS=1 and SPECGATE_THREADS=2. --specgate NAME=BIN adds
// a run of another specgate (bin/specgate.js of a checkout built with `npm run build`) by default.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { walk } from './walk.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = process.env.SPECGATE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    corpus: { type: 'string', multiple: true },
    variant: { type: 'string', multiple: true },
    specgate: { type: 'string', multiple: true },
  },
});

/** The two corpora as `npm run bench` checks them (bench/core.mjs): arguments, template, the files rumdl is given. */
const CORPORA = {
  'rust-rfcs': { args: ['text'], template: '0000-template.md', files: (root) => walk(join(root, 'text'), (_, name) => name.endsWith('.md')) },
  'kubernetes-keps': {
    args: ['keps/**/README.md'],
    template: 'keps/NNNN-kep-template/README.md',
    files: (root) => walk(join(root, 'keps'), (path, name) => name === 'README.md' && !path.endsWith('NNNN-kep-template/README.md')),
  },
};

function rumdlBinary() {
  const require = createRequire(import.meta.url);
  try {
    const binary = join(require.resolve(`@rumdl/cli-${process.platform}-${process.arch}/package.json`), '..', 'rumdl');
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** MD043 with the template's headings (a title or an optional section may be anything) and MD082, as bench/core.mjs writes it. */
function rumdlConfig(root, template, scratch) {
  const toml = join(scratch, `${template.replace(/\W/g, '-')}.toml`);
  const script = `import { parseTemplate } from ${JSON.stringify(join(ROOT, 'build/core/index.js'))}; import { readFileSync } from 'node:fs';
    const template = parseTemplate(readFileSync(${JSON.stringify(join(root, template))}, 'utf8'));
    console.log(JSON.stringify(template.all.map((s) => (s.optional ? '*' : '#'.repeat(s.level) + ' ' + s.heading))));`;
  const headings = JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout);
  const list = headings.map((value) => JSON.stringify(value)).join(', ');
  writeFileSync(toml, `[global]\nenable = ["MD043", "MD082"]\n\n[MD043]\nheadings = [${list}]\n\n[MD082]\nallow-parent-headings = true\n`);
  return toml;
}

/** CPU milliseconds every process of the machine has used so far (Linux's /proc/stat), else undefined. */
function machineBusyMs() {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Wall-clock and CPU milliseconds of one run (`sh`'s `times` gives the CPU its children used), and
 * how many cores other processes kept busy meanwhile (the machine's CPU time less the run's, over
 * its wall clock): on a shared machine, runs can then be compared where the others left cores free.
 */
function timed(command, args, cwd, env) {
  const busyBefore = machineBusyMs();
  const started = performance.now();
  const result = spawnSync('/bin/sh', ['-c', '"$@" >/dev/null; code=$?; times; exit $code', 'sh', command, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const wall = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.slice(0, 3).join(' ')}: exit ${result.status}: ${result.stderr}`);
  const children = result.stdout.trim().split('\n').at(-1);
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, minutes, seconds]) => sum + Number(minutes) * 60_000 + Number(seconds) * 1000, 0);
  const busyAfter = machineBusyMs();
  const others = busyBefore === undefined ? undefined : Math.max(0, (busyAfter - busyBefore - cpu) / wall);
  return { wall, cpu, others };
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function variants(corpusRoot, corpus, scratch) {
  const specgateArgs = (bin) => [bin, 'check', ...corpus.args, '--template', corpus.template];
  const list = [];
  const envOf = (text) => Object.fromEntries((text ? text.split(',') : []).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  for (const spec of values.variant ?? ['default:', '1 thread:SPECGATE_THREADS=1', '2 threads:SPECGATE_THREADS=2']) {
    const [name, env] = spec.split(':');
    // NODE_FLAGS=--flag: V8 flags for node itself, which NODE_OPTIONS refuses (--maglev, say).
    const { NODE_FLAGS: flags, ...rest } = envOf(env);
    list.push({ name, command: process.execPath, args: [...(flags ? flags.split(' ') : []), ...specgateArgs(join(ROOT, 'bin/specgate.js'))], env: rest });
  }
  for (const spec of values.specgate ?? []) {
    const [name, bin] = spec.split('=');
    list.push({ name, command: process.execPath, args: specgateArgs(bin), env: {} });
  }
  const rumdl = rumdlBinary();
  if (rumdl) {
    const files = corpus.files(corpusRoot).map((path) => relative(corpusRoot, path));
    list.push({ name: 'rumdl', command: rumdl, args: ['check', '--config', rumdlConfig(corpusRoot, corpus.template, scratch), '--no-cache', '--output-format', 'concise', ...files], env: {} });
  }
  return list;
}

const scratch = mkdtempSync(join(tmpdir(), 'specgate-cli-rounds-'));
const rounds = Number(values.rounds);
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
console.log(`load average before: ${load()}`);
for (const name of values.corpus ?? Object.keys(CORPORA)) {
  const root = join(CORPUS, name);
  const list = variants(root, CORPORA[name], scratch);
  const times = list.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < list.length; turn++) {
      const index = (turn + round) % list.length;
      const { command, args, env } = list[index];
      times[index].push(timed(command, args, root, env));
    }
  }
  console.log(`${name}: median of ${rounds} rounds (wall s / CPU s), load average now ${load()}`);
  for (const [index, { name: variant }] of list.entries()) {
    const wall = median(times[index].map((time) => time.wall)) / 1000;
    const cpu = median(times[index].map((time) => time.cpu)) / 1000;
    const all = times[index].map((time) => `${(time.wall / 1000).toFixed(2)}${time.others === undefined ? '' : `/${time.others.toFixed(1)}`}`).join(' ');
    console.log(`  ${variant.padEnd(24)} ${wall.toFixed(2).padStart(6)} s wall ${cpu.toFixed(2).padStart(6)} s CPU   (wall s/cores others kept busy: ${all})`);
  }
}
