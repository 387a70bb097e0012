/**
 * dist/action/index.js is committed (the runner runs it as it is in the repository): it must be
 * what `npm run build:action` makes from the current sources, it must run with nothing beside it,
 * and action.yml must describe what it reads and writes.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ROOT } from '../helpers/fixtures.js';
import { ACTION_ENTRY, annotations, COMPLETE, INCOMPLETE, runAction, SPEC, tempDir, writeEvent } from './helpers.js';

const run = promisify(execFile);

describe('the committed bundle, dist/action/index.js', () => {
  test('is byte for byte what `npm run build:action` builds from the current sources (rebuild and commit it when this fails)', async () => {
    const outdir = tempDir('bundle');
    await run(process.execPath, [join(ROOT, 'scripts/build-action.mjs'), '--outdir', outdir], { cwd: tempDir('cwd') });
    for (const file of ['index.js', 'package.json']) {
      const committed = join(ROOT, 'dist/action', file);
      expect(existsSync(committed)).toBe(true);
      const rebuilt = readFileSync(join(outdir, file));
      // Not toEqual on the buffers: a megabyte diff helps nobody. The message says what to do.
      const same = rebuilt.equals(readFileSync(committed));
      if (!same) throw new Error(`dist/action/${file} is out of date: run \`npm run build:action\` and commit the result.`);
      expect(same).toBe(true);
    }
  });

  test('runs on its own, with no node_modules and no templates/ beside it: the built-in template is inlined', async () => {
    const directory = join(tempDir('alone'), 'action');
    mkdirSync(directory);
    for (const file of ['index.js', 'package.json']) copyFileSync(join(ROOT, 'dist/action', file), join(directory, file));
    const workspace = tempDir('workspace');
    mkdirSync(join(workspace, 'docs/specs'), { recursive: true });
    writeFileSync(join(workspace, SPEC), INCOMPLETE);
    writeFileSync(join(workspace, 'docs/specs/api-rate-limits.md'), COMPLETE);

    const result = await runAction({ entry: join(directory, 'index.js'), workspace, eventName: 'push', eventFile: writeEvent({}) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(annotations(result.stdout).filter((annotation) => annotation.file === SPEC)).toHaveLength(7);
    expect(result.outputs).toMatchObject({ conclusion: 'failure', specs: '2', errors: '6', warnings: '1' });
    expect(result.summary).toContain('| built-in | ❌ incomplete |');
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    runs: { using: string; main: string };
    inputs: Record<string, { default?: string; required?: boolean; description: string }>;
    outputs: Record<string, { description: string }>;
  };

  test('runs the committed bundle on node24, the runtime GitHub supports', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' });
    expect(join(ROOT, action.runs.main)).toBe(ACTION_ENTRY);
  });

  test('declares the inputs the Action reads, with the defaults it assumes', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['check-name', 'comment', 'config', 'fail-on', 'github-token', 'paths', 'template']);
    expect(action.inputs.config!.default).toBe('.github/specgate.yml');
    expect(action.inputs['fail-on']!.default).toBe('error');
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    for (const input of Object.values(action.inputs)) expect(input.required).toBe(false);
    // Every input the source reads is declared (the runner passes only declared inputs).
    const source = ['src/action/inputs.ts'].map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
    const read = [...source.matchAll(/[iI]nput\('([a-z-]+)'\)/g)].map((match) => match[1]).sort();
    expect(read).toEqual(Object.keys(action.inputs).sort());
  });

  test('declares exactly the outputs the Action writes', async () => {
    const result = await runAction({ workspace: tempDir('outputs'), eventName: 'push', eventFile: writeEvent({}) });
    expect(result.code).toBe(0);
    expect(Object.keys(result.outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  });
});
