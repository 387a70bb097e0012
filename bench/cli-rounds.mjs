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
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPORA, median, requiredHeadings, rumdlBinary, writeRumdlConfig } from './corpora.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    corpus: { type: 'string', multiple: true },
    variant: { type: 'string', multiple: true },
    specgate: { type: 'string', multiple: true },
  },
});

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


function variants(corpus, scratch) {
  const specgateArgs = (bin) => [bin, 'check', ...corpus.specgateArgs, '--template', corpus.template];
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
  if (rumdl.binary) {
    const files = corpus.paths().map((path) => relative(corpus.root, path));
    const toml = writeRumdlConfig(join(scratch, `${corpus.name}.rumdl.toml`), requiredHeadings(readFileSync(join(corpus.root, corpus.template), 'utf8')));
    list.push({ name: 'rumdl', command: rumdl.binary, args: ['check', '--config', toml, '--no-cache', '--output-format', 'concise', ...files], env: {} });
  }
  return list;
}

const scratch = mkdtempSync(join(tmpdir(), 'specgate-cli-rounds-'));
const rounds = Number(values.rounds);
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
console.log(`load average before: ${load()}`);
for (const corpus of CORPORA.filter((each) => values.corpus?.includes(each.name) ?? true)) {
  const { name, root } = corpus;
  const list = variants(corpus, scratch);
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
