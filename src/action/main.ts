/** The Action's entry point (action.yml runs the bundle of this file, dist/action/index.js). */
import { escapeData } from '../render/github.js';
import { runAction } from './run.js';

try {
  process.exitCode = await runAction(process.env);
} catch (error) {
  // runAction reports every expected failure itself; this is a bug, said as an annotation.
  process.stdout.write(`::error title=specgate::${escapeData(`specgate failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)}\n`);
  process.exitCode = 1;
}
