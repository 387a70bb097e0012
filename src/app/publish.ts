import type { Logger } from 'probot';
import type { SpecgateConfig } from '../config/load.js';
import { renderCheckRun, type CheckRunOutput } from '../render/check-run.js';
import { reviewComments } from '../render/review-comments.js';
import { renderStickyComment } from '../render/sticky-comment.js';
import { splitLines } from '../core/parse.js';
import type { Verdict } from '../verdict/verdict.js';
import type { ChangedFile } from '../verdict/changes.js';
import type { CheckedFile } from '../verdict/evaluate.js';
import { postCheckRun } from './github/check-runs.js';
import type { RepoClient } from './github/repo.js';
import { postReview } from './github/reviews.js';
import { writeStickyComment, type CommentAction, type CommentMemory } from './github/sticky-comment.js';
import type { AppMemory } from './memory.js';
import type { PullRequestRef } from './pull-request.js';

export interface Published {
  checkRunId: number;
  comment: CommentAction;
  reviewComments: number;
}

/**
 * The verdict goes out first, as one completed check run, so the gate never waits behind the
 * comment or the review; those follow, and their failures are logged, not fatal.
 */
export async function publish(
  client: RepoClient,
  pull: PullRequestRef,
  verdict: Verdict,
  specs: ReadonlyArray<CheckedFile & { file: ChangedFile }>,
  config: SpecgateConfig,
  log: Logger,
  memory?: AppMemory,
): Promise<Published> {
  const links = { repositoryUrl: pull.repositoryUrl, headSha: pull.headSha };
  const output = renderCheckRun(verdict, links, config.skip_label);
  const checkRunId = await postCheckRun(client, { name: config.check_name, headSha: pull.headSha, conclusion: verdict.conclusion, output }, memory?.checkRuns);
  const published: Published = { checkRunId, comment: 'none', reviewComments: 0 };

  if (config.comment !== 'never') {
    const body = renderStickyComment(verdict, links, { headSha: pull.headSha, updatedAt: pull.updatedAt }, config.check_name, config.skip_label);
    const createIfMissing = verdict.conclusion === 'failure' || (config.comment === 'always' && !verdict.state.skip);
    published.comment = await bestEffort(log, 'sticky comment', 'none', () =>
      writeStickyComment(client, pull.number, body, { headSha: pull.headSha, updatedAt: pull.updatedAt }, { createIfMissing, memory: commentMemory(memory, `${client.owner}/${client.repo}#${pull.number}`) }),
    );
  }
  // A draft (neutral) is work in progress: like the sticky comment, line comments wait until it is ready for review.
  // A run for an older push (its comment was left alone) must not comment on stale lines either.
  if (config.review_comments && verdict.conclusion !== 'neutral' && published.comment !== 'stale') {
    const drafts = specs.flatMap(({ file, report, text }) =>
      reviewComments({ path: file.path, patch: file.patch, lines: text === undefined ? undefined : splitLines(text), findings: report.findings }),
    );
    published.reviewComments = await bestEffort(log, 'review comments', 0, () =>
      postReview(client, { number: pull.number, headSha: pull.headSha, checkName: config.check_name }, drafts, reviewMemory(memory, `${client.owner}/${client.repo}#${pull.number}`)),
    );
  }
  return published;
}

function reviewMemory(memory: AppMemory | undefined, key: string): Set<string> | undefined {
  const reviews = memory?.reviews;
  if (!reviews) return undefined;
  const handled = reviews.get(key) ?? new Set<string>();
  reviews.set(key, handled);
  return handled;
}

function commentMemory(memory: AppMemory | undefined, key: string): CommentMemory | undefined {
  const comments = memory?.comments;
  if (!comments) return undefined;
  return {
    recall: () => comments.get(key)?.comment,
    remember: (comment) => comments.set(key, { comment }),
    forget: () => comments.delete(key),
  };
}

/** Posts the check run for a problem that stopped the check, so it never stays pending. */
export async function publishProblem(client: RepoClient, pull: PullRequestRef, name: string, output: CheckRunOutput, memory?: AppMemory): Promise<number> {
  return postCheckRun(client, { name, headSha: pull.headSha, conclusion: 'failure', output }, memory?.checkRuns);
}

async function bestEffort<T>(log: Logger, what: string, fallback: T, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    log.warn({ err: error }, `specgate: could not write the ${what}`);
    return fallback;
  }
}
