import type { SpecgateConfig } from '../config/load.js';
import type { CheckedFile } from '../verdict/evaluate.js';
import { readWaivers } from '../waivers/record.js';
import { applyWaivers, waiverSummary, type Waiver } from '../waivers/waivers.js';
import { lookUpStickyComment, type CommentMemory, type FoundComment } from '../github/sticky-comment.js';
import type { RepoClient } from './github/repo.js';


export interface Waived<Spec extends CheckedFile = CheckedFile> {
  specs: Spec[];
  /** The check summary's lines about waivers. */
  summary: string[];
  /** The sticky comment as read here, so publishing does not look it up again. */
  found?: FoundComment;
}

/**
 * The waivers the app's comment records, applied to this run's findings. The comment is read
 * only when some finding could be waived: a passing pull request costs no extra request.
 */
export async function applyRecordedWaivers<Spec extends CheckedFile>(
  client: RepoClient,
  pullNumber: number,
  specs: Spec[],
  config: SpecgateConfig,
  { conversation, memory }: { conversation: boolean; memory?: CommentMemory | undefined },
): Promise<Waived<Spec>> {
  // With `comment: never` there is no comment to hold waivers (the waive command refuses); a commit the
  // pull request has moved past leaves the conversation alone, its comment included: the newest head's run applies them.
  if (!conversation || config.comment === 'never' || !specs.some(({ report }) => report.findings.some((finding) => finding.severity !== 'notice'))) return { specs, summary: [] };
  let found: FoundComment;
  try {
    found = await lookUpStickyComment(client, pullNumber, memory);
  } catch {
    // Without the record every finding counts: stricter, never looser. Publishing tries the comment again, best effort.
    return { specs, summary: [] };
  }
  const waivers: Waiver[] = readWaivers(found.comment?.body);
  if (waivers.length === 0) return { specs, summary: [], found };
  const applied: Waiver[] = [];
  const lapsed: Waiver[] = [];
  const waived = specs.map((spec) => {
    const result = applyWaivers({ path: spec.report.path, findings: spec.report.findings, ...(spec.text === undefined ? {} : { text: spec.text }) }, waivers, (section) => config.sections[section]?.aliases ?? []);
    applied.push(...result.applied);
    lapsed.push(...result.lapsed);
    return { ...spec, report: { ...spec.report, findings: result.findings } };
  });
  return { specs: waived, summary: waiverSummary(applied, lapsed), found };
}
