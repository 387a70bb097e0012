/** The Action's entry point (action.yml runs the bundle of this file, dist/action/index.js). */
import * as core from '@actions/core';
import { runAction } from './run.js';

try {
  process.exitCode = await runAction();
} catch (error) {
  // runAction reports every expected failure itself; this is a bug, said as an annotation.
  core.setFailed(`specgate failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
