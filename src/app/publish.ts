import type { Logger } from 'probot';
import type { SpecgateConfig } from '../config/load.js';
import { renderCheckRun, type CheckRunOutput } from '../render/check-run.js';
import { reviewComments, type ReviewCommentDraft } from '../render/review-comments.js';
import { renderStickyComment } from '../render/sticky-comment.js';
import { splitLines } from '../core/parse.js';
import type { Verdict } from '../verdict/verdict.js';
import { postCheckRun } from './github/check-runs.js';
import type { RepoClient } from './github/repo.js';
import { postReview, readReviewed, reviewId, withReviewed } from '../github/reviews.js';
import { lookUpStickyComment, writeStickyComment, type CommentAction, type CommentMemory, type FoundComment } from '../github/sticky-comment.js';
import type { SpecReport } from './gather.js';
import { readWaivers, withWaivers } from '../waivers/record.js';
import { pullKey, type AppMemory } from './memory.js';
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
  specs: readonly SpecReport[],
  config: SpecgateConfig,
  log: Logger,
  memory?: AppMemory,
  /** False for a commit that is no longer the head: its check run only, no comment and no line comments. */
  { conversation = true, found: foundBefore }: { conversation?: boolean; found?: FoundComment } = {},
): Promise<Published> {
  const links = { repositoryUrl: pull.repositoryUrl, headSha: pull.headSha };
  const key = pullKey(client, pull.number);
  // A draft (neutral) is work in progress: like the sticky comment, line comments wait until it is ready for review.
  const drafts = lineComments(specs, config, conversation && verdict.conclusion !== 'neutral');
  // A finding whose line comment carries a suggestion is not annotated on the same line again.
  const onLines = new Set(drafts.filter((draft) => draft.suggestion).map((draft) => `${draft.path}\0${draft.key}`));
  const output = renderCheckRun(verdict, links, config.skip_label, { annotate: config.annotations, onLines });
  const checkRunId = await postCheckRun(client, { name: config.check_name, headSha: pull.headSha, conclusion: verdict.conclusion, output }, memory?.checkRuns);
  const published: Published = { checkRunId, comment: 'none', reviewComments: 0 };
  // The line comments already handled, as the sticky comment records them: known without listing reviews.
  let recorded: Set<string> | undefined;

  if (conversation && config.comment !== 'never') {
    const stamp = { headSha: pull.headSha, updatedAt: pull.updatedAt };
    const rendered = renderStickyComment(verdict, links, stamp, config.check_name, config.skip_label, config.annotations);
    const createIfMissing = verdict.conclusion === 'failure' || (config.comment === 'always' && !verdict.state.skip);
    published.comment = await bestEffort(log, 'sticky comment', 'none', async () => {
      const remember = commentMemory(memory, key);
      const found = foundBefore ?? (await lookUpStickyComment(client, pull.number, remember));
      // Only a comment that exists after this run can keep the record.
      const keepsRecord = config.review_comments !== 'never' && (found.comment !== undefined || createIfMissing);
      // No record, but the event says the pull request has no line comments at all: none to repeat.
      const before = readReviewed(found.comment?.body) ?? (pull.reviewComments === 0 ? new Set<string>() : undefined);
      const handled = [...(before ?? []), ...drafts.map(reviewId)];
      // The waivers the comment records stay with it, whatever this run says.
      const withRecord = withWaivers(rendered, readWaivers(found.comment?.body));
      const body = keepsRecord && handled.length > 0 ? withReviewed(withRecord, handled) : withRecord;
      const { action } = await writeStickyComment(client, pull.number, body, stamp, { createIfMissing, memory: remember, found });
      if (keepsRecord && (action === 'created' || action === 'updated' || action === 'unchanged')) recorded = before;
      return action;
    });
  }
  // A run for an older push (its comment was left alone) must not comment on stale lines either.
  if (drafts.length > 0 && published.comment !== 'stale') {
    published.reviewComments = await bestEffort(log, 'review comments', 0, () =>
      postReview(client, { number: pull.number, headSha: pull.headSha, checkName: config.check_name }, drafts, reviewMemory(memory, key), recorded),
    );
  }
  return published;
}

/**
 * The line comments a run may post: with `suggestions` (the default) only those carrying a
 * one-click suggestion, which the sticky comment's summary does not show; `all` every finding on a
 * line of the diff.
 */
function lineComments(specs: readonly SpecReport[], config: SpecgateConfig, allowed: boolean): ReviewCommentDraft[] {
  if (!allowed || config.review_comments === 'never') return [];
  const drafts = specs.flatMap(({ patch, report, text }) =>
    reviewComments({ path: report.path, patch, lines: text === undefined ? undefined : splitLines(text), findings: report.findings }),
  );
  return config.review_comments === 'all' ? drafts : drafts.filter((draft) => draft.suggestion);
}

function reviewMemory(memory: AppMemory | undefined, key: string): Set<string> | undefined {
  const reviews = memory?.reviews;
  if (!reviews) return undefined;
  const handled = reviews.get(key) ?? new Set<string>();
  reviews.set(key, handled);
  return handled;
}

export function commentMemory(memory: AppMemory | undefined, key: string): CommentMemory | undefined {
  const comments = memory?.comments;
  if (!comments) return undefined;
  return {
    recall: () => comments.get(key)?.comment,
    remember: (comment) => comments.set(key, { comment }),
    forget: () => comments.delete(key),
  };
}

/** Posts the check run for a problem that stopped the check, so it never stays pending. */
export async function publishProblem(client: RepoClient, pull: Pick<PullRequestRef, 'headSha'>, name: string, output: CheckRunOutput, memory?: AppMemory): Promise<number> {
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
