/** One run of the Action, as its jobs share it: gather the specs, check them, publish the verdict. */
import type { ConfigProblem } from '../config/load.js';
import type { Verdict } from '../verdict/verdict.js';
import type { ActionContext } from './environment.js';
import type { ApiClient } from './github.js';
import type { ActionInputs } from './inputs.js';
import type { Workflow } from './workflow.js';

export interface ActionRun {
  readonly context: ActionContext;
  readonly inputs: ActionInputs;
  readonly workflow: Workflow;
  /** Undefined without a github-token: no API calls, the workspace is all there is. */
  readonly client: ApiClient | undefined;
  /** The check's name: the input's or the default, then the configuration's once it is read. */
  checkName: string;
  /** False for a commit that is no longer the pull request's head: it keeps out of the conversation. */
  conversation: boolean;
  /** Lines for the job summary: where the configuration and the specs came from. */
  readonly notes: string[];
}

export type Checked =
  | { kind: 'config-error'; problems: ConfigProblem[] }
  | { kind: 'too-many'; reason: string }
  | { kind: 'checked'; verdict: Verdict; notes: string[]; emptyText?: string };
