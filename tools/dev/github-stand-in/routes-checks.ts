/** Check runs: created and updated with GitHub's limits (50 annotations a request, 65535-character texts). */
import { error, isReply, json, notFound, objectBody, type ApiReply, type ApiRequest } from './http.js';
import { repoRoute, type Route, type StandInContext } from './router.js';
import { actor } from './routes-pulls.js';
import { pullRequestMinimalJson } from './shapes-pulls.js';
import { checkRunJson } from './shapes-records.js';
import type { Annotation, CheckRunRecord, RepoState } from './state.js';

/** GitHub takes at most this many annotations per create or update; more go in further updates. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
const MAX_TEXT = 65535;
const LEVELS = ['notice', 'warning', 'failure'];
const CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'stale', 'timed_out'];

const invalid = (reason: string): ApiReply => error(422, `Invalid request.\n\n${reason}`);
const notSupplied = (field: string): ApiReply => invalid(`"${field}" wasn't supplied.`);

/** The output's annotations, or GitHub's 422 for too many or a malformed one. */
function annotationsOf(output: Record<string, unknown>): Annotation[] | ApiReply {
  const list = output.annotations;
  if (list === undefined) return [];
  if (!Array.isArray(list)) return invalid('For \'properties/annotations\', it is not an array.');
  if (list.length > MAX_ANNOTATIONS_PER_REQUEST) return invalid(`No more than ${MAX_ANNOTATIONS_PER_REQUEST} items are allowed; ${list.length} were supplied.`);
  for (const item of list as Array<Record<string, unknown>>) {
    for (const field of ['path', 'start_line', 'end_line', 'annotation_level', 'message']) {
      if (item?.[field] === undefined) return notSupplied(field);
    }
    if (!LEVELS.includes(String(item.annotation_level))) return invalid(`For 'properties/annotation_level', "${String(item.annotation_level)}" is not a member of ["notice", "warning", "failure"].`);
    if ((item.start_column !== undefined || item.end_column !== undefined) && item.start_line !== item.end_line) {
      return error(422, 'Validation Failed', { errors: [{ resource: 'CheckRun', code: 'invalid', field: 'annotations' }] });
    }
  }
  return list as Annotation[];
}

/** Status, conclusion and output as a create or update sends them, checked the way GitHub checks them. */
function changesOf(body: Record<string, unknown>, creating: boolean): Partial<CheckRunRecord> & { annotations: Annotation[] } | ApiReply {
  const changes: Partial<CheckRunRecord> & { annotations: Annotation[] } = { annotations: [] };
  if (body.status !== undefined) {
    if (!['queued', 'in_progress', 'completed'].includes(String(body.status))) return invalid(`For 'properties/status', "${String(body.status)}" is not a member of ["queued", "in_progress", "completed"].`);
    changes.status = String(body.status);
  }
  if (body.conclusion !== undefined) {
    if (!CONCLUSIONS.includes(String(body.conclusion))) return invalid(`For 'properties/conclusion', "${String(body.conclusion)}" is not a member of ${JSON.stringify(CONCLUSIONS)}.`);
    // "Providing conclusion will automatically set the status parameter to completed."
    changes.conclusion = String(body.conclusion);
    changes.status = 'completed';
  } else if (changes.status === 'completed') {
    return notSupplied('conclusion');
  }
  if (body.output !== undefined) {
    const output = (body.output ?? {}) as Record<string, unknown>;
    if (creating && typeof output.title !== 'string') return notSupplied('title');
    if (typeof output.summary !== 'string') return notSupplied('summary');
    for (const field of ['summary', 'text'] as const) {
      const value = output[field];
      if (typeof value === 'string' && value.length > MAX_TEXT) return invalid(`Only ${MAX_TEXT} characters are allowed; ${value.length} were supplied.`);
    }
    const annotations = annotationsOf(output);
    if (isReply(annotations)) return annotations;
    changes.annotations = annotations;
    changes.output = { title: typeof output.title === 'string' ? output.title : null, summary: output.summary, text: typeof output.text === 'string' ? output.text : null };
  }
  if (typeof body.details_url === 'string') changes.detailsUrl = body.details_url;
  if (typeof body.external_id === 'string') changes.externalId = body.external_id;
  return changes;
}

function reply(status: number, repo: RepoState, run: CheckRunRecord, { urls }: StandInContext): ApiReply {
  const pulls = [...repo.pulls.values()].filter((pull) => pull.state === 'open' && pull.headSha === run.headSha);
  return json(status, checkRunJson(urls, repo, run, pulls.map((pull) => pullRequestMinimalJson(urls, repo, pull))));
}

function createCheckRun(request: ApiRequest, repo: RepoState, context: StandInContext): ApiReply {
  const body = objectBody(request);
  if (!body) return error(400, 'Problems parsing JSON');
  if (typeof body.name !== 'string') return notSupplied('name');
  if (typeof body.head_sha !== 'string') return notSupplied('head_sha');
  if (!repo.commits.has(body.head_sha)) return error(422, `No commit found for SHA: ${body.head_sha}`);
  const changes = changesOf(body, true);
  if (isReply(changes)) return changes;
  const { app } = actor(request, repo);
  const now = repo.world.now();
  const status = changes.status ?? 'queued';
  const run: CheckRunRecord = {
    id: repo.world.id(),
    name: body.name,
    headSha: body.head_sha,
    status,
    conclusion: changes.conclusion ?? null,
    startedAt: typeof body.started_at === 'string' ? body.started_at : now,
    completedAt: status === 'completed' ? (typeof body.completed_at === 'string' ? body.completed_at : now) : null,
    output: changes.output ?? { title: null, summary: null, text: null },
    annotations: changes.annotations,
    app,
    checkSuiteId: repo.checkSuite(body.head_sha, app?.id ?? 0),
    externalId: changes.externalId ?? '',
    detailsUrl: changes.detailsUrl ?? null,
  };
  repo.checkRuns.push(run);
  return reply(201, repo, run, context);
}

/** An update replaces title, summary and text, and appends its annotations to those already there. */
function updateCheckRun(request: ApiRequest, repo: RepoState, context: StandInContext): ApiReply {
  const run = repo.checkRuns.find((candidate) => candidate.id === Number(request.params.check_run_id));
  if (!run) return notFound();
  const body = objectBody(request);
  if (!body) return error(400, 'Problems parsing JSON');
  const changes = changesOf(body, false);
  if (isReply(changes)) return changes;
  if (typeof body.name === 'string') run.name = body.name;
  if (changes.status !== undefined) run.status = changes.status;
  if (changes.conclusion !== undefined) run.conclusion = changes.conclusion;
  if (run.status === 'completed' && run.completedAt === null) run.completedAt = typeof body.completed_at === 'string' ? body.completed_at : repo.world.now();
  if (changes.output) run.output = { ...changes.output, title: changes.output.title ?? run.output.title };
  run.annotations.push(...changes.annotations);
  if (changes.detailsUrl !== undefined) run.detailsUrl = changes.detailsUrl;
  if (changes.externalId !== undefined) run.externalId = changes.externalId;
  return reply(200, repo, run, context);
}

export const checkRoutes: Route[] = [
  repoRoute('POST', '/repos/{owner}/{repo}/check-runs', [['checks', 'write']], createCheckRun),
  repoRoute('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', [['checks', 'write']], updateCheckRun),
];
