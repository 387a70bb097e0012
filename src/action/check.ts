/** The gathered specs through the one check pipeline, and the gate's decision on the report. */
import { type LoadedConfig } from '../config/load.js';
import { parseConfig } from '../config/parse.js';
import { readTextFile } from '../github/contents.js';
import { checkSpecs, type CheckSource } from '../pipeline/check-specs.js';
import type { FileReport, Report } from '../verdict/report.js';
import { decide, type PullRequestState } from '../verdict/verdict.js';
import type { RepoConfig } from './config.js';
import type { Gathered } from './gather.js';
import type { FailOn } from './inputs.js';
import type { ActionRun, Checked } from './run-state.js';
import { readTemplates } from './templates.js';

export async function checkGathered(run: ActionRun, gathered: Gathered, loaded: LoadedConfig, repoConfig: RepoConfig): Promise<Checked> {
  if (gathered.kind === 'too-many') return gathered;
  if (gathered.kind === 'skipped') return skipped(run, gathered.state, loaded);
  const result = await checkSpecs(checkSource(run, loaded, repoConfig), gathered.specs, { prejudged: gathered.prejudged, ...(gathered.base ? { base: gathered.base } : {}) });
  if (result.kind === 'config-error') return result;
  gathered.tell();
  const report = failOn(run.inputs.failOn, result.report);
  const verdict = decide(report, gathered.state, loaded.config);
  if (gathered.emptyText === undefined || report.files.length > 0) return { kind: 'checked', verdict, notes: run.notes };
  return { kind: 'checked', verdict: { ...verdict, title: 'No spec files found' }, notes: run.notes, emptyText: gathered.emptyText };
}

function skipped(run: ActionRun, state: PullRequestState, loaded: LoadedConfig): Checked {
  const { labelEvent } = run.context;
  const label = loaded.config.skip_label;
  const by = labelEvent?.added && labelEvent.label === label ? labelEvent.login : undefined;
  run.workflow.info(`The pull request has the label "${label}": specs are not checked.`);
  return { kind: 'checked', verdict: decide({ template: '', files: [] }, { ...state, skip: by === undefined ? {} : { by } }, loaded.config), notes: run.notes };
}

/** Templates from where the configuration came from; its problems point at their lines of the file. */
function checkSource(run: ActionRun, loaded: LoadedConfig, repoConfig: RepoConfig): CheckSource {
  const client = repoConfig.via === 'api' ? run.client : undefined;
  const from = client ? { client } : { workspace: run.context.workspace };
  const source = repoConfig.source;
  return {
    loaded,
    templates: (paths) => readTemplates(paths, from),
    // Probot's loader gives values without lines: the file is read again, as text, to locate the problems.
    ...(client && source ? { configLines: async () => parseConfig((await readTextFile(client, source)) ?? '').lineOf } : {}),
  };
}

/** `fail-on: warning` makes every warning count as an error, in every report alike. */
function failOn(setting: FailOn, report: Report): Report {
  if (setting !== 'warning') return report;
  const files: FileReport[] = report.files.map((file) => ({
    ...file,
    findings: file.findings.map((finding) => (finding.severity === 'warning' ? { ...finding, severity: 'error' as const } : finding)),
  }));
  return { ...report, files };
}
