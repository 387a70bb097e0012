/**
 * Layers point one way (README, "Architecture"): core ← config ← verdict ← render ← pipeline ←
 * github ← the doors (app, action, cli), and no door imports another.
 */
import { ROOT } from '../helpers/fixtures.js';
import { ALLOWED, importsOf, sourceImports, violations } from './layers.js';

describe('the layers of src', () => {
  test('every import of every src file goes the way the layer table allows', () => {
    const imports = sourceImports(ROOT);
    expect(imports.length).toBeGreaterThan(300);
    expect(violations(imports)).toEqual([]);
  });

  test('every folder of src has a row in the table', () => {
    const folders = new Set(sourceImports(ROOT).map((found) => found.file.split('/')[1]));
    expect([...folders].filter((folder) => !(folder! in ALLOWED))).toEqual([]);
  });
});

describe('the check names what is wrong', () => {
  test('render importing the CLI: the file, the import and the rule', () => {
    const imports = importsOf('src/render/text.ts', "import { plural } from '../verdict/report.js';\nimport { didYouMean } from '../cli/args.js';\n");
    expect(violations(imports)).toEqual(["src/render/text.ts: imports '../cli/args.js' (render may not import cli)"]);
  });

  test('the Action importing the CLI, in an export-from and a multi-line import', () => {
    const text = "export { findSpecFiles } from '../cli/files.js';\nimport {\n  type Gate,\n  outcome,\n} from '../cli/outcome.js';\n";
    expect(violations(importsOf('src/action/run.ts', text))).toEqual([
      "src/action/run.ts: imports '../cli/files.js' (action may not import cli)",
      "src/action/run.ts: imports '../cli/outcome.js' (action may not import cli)",
    ]);
  });

  test('the core reaching up, by a type import and a dynamic import', () => {
    const text = "import type { Report } from '../verdict/report.js';\nconst load = () => import('../config/load.js');\n";
    expect(violations(importsOf('src/core/check.ts', text))).toEqual([
      "src/core/check.ts: imports '../verdict/report.js' (core may not import verdict)",
      "src/core/check.ts: imports '../config/load.js' (core may not import config)",
    ]);
  });

  test('verdict importing render (the report model belongs below the renderers)', () => {
    expect(violations(importsOf('src/verdict/verdict.ts', "import { plural } from '../render/report.js';"))).toEqual([
      "src/verdict/verdict.ts: imports '../render/report.js' (verdict may not import render)",
    ]);
  });

  test('a folder of its own, a package and a node: builtin are fine; a path out of src is not', () => {
    const text = "import { x } from './y.js';\nimport picomatch from 'picomatch';\nimport { readFileSync } from 'node:fs';\nimport { z } from '../../tools/dev/z.js';\n";
    expect(violations(importsOf('src/cli/files.ts', text))).toEqual(["src/cli/files.ts: imports '../../tools/dev/z.js', outside src"]);
  });

  test('a new folder without a row is named', () => {
    expect(violations(importsOf('src/plugins/a.ts', "import { b } from '../core/b.js';"))).toEqual(['src/plugins/a.ts: the folder src/plugins has no row in the layer table']);
  });
});
