/**
 * Each rule's page, docs/rules/<id>.md, is its documentation and its test: the page's first
 * paragraph is the rule's one-line description, and its fenced examples (```markdown template,
 * ```yaml config, ```markdown fails, ```markdown passes) are checked here as `specgate check` checks
 * files. The failing example must give the rule's finding at the page's default severity; the
 * passing one no finding at all.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Code, Nodes, Paragraph } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { runCheck } from '../../src/cli/check-command.js';
import { RULE_DESCRIPTIONS } from '../../src/core/rules/index.js';
import { FILE_RULE_IDS, RULE_IDS, type Finding } from '../../src/core/types.js';
import { ROOT } from '../helpers/fixtures.js';

/** Rules only the GitHub App or the Action can give: their pages say so, and test/app covers them. */
const NOT_FROM_THE_CLI = new Set<string>(['too-complex', 'linked-spec-missing']);

interface RulePage {
  description: string;
  defaultSeverity: string;
  examples: Map<string, { text: string; encoding: BufferEncoding }>;
}

function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function readPage(id: string): RulePage {
  const tree = fromMarkdown(readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8'));
  const paragraphs = tree.children.filter((node): node is Paragraph => node.type === 'paragraph').map(textOf);
  const examples = new Map<string, { text: string; encoding: BufferEncoding }>();
  for (const node of tree.children.filter((child): child is Code => child.type === 'code')) {
    const [role, ...attributes] = (node.meta ?? '').split(/\s+/).filter(Boolean);
    if (role === undefined) continue;
    const encoding = attributes.find((attribute) => attribute.startsWith('encoding='))?.slice('encoding='.length) ?? 'utf8';
    examples.set(role, { text: `${node.value}\n`, encoding: encoding as BufferEncoding });
  }
  const severity = paragraphs.map((paragraph) => /^Default severity: (\w+)/.exec(paragraph)?.[1]).find(Boolean);
  return { description: paragraphs[0] ?? '', defaultSeverity: severity ?? '(none)', examples };
}

/** The findings `specgate check` gives one example spec, with the page's template and configuration. */
async function checkExample(page: RulePage, spec: 'fails' | 'passes', config: Record<string, unknown>): Promise<Finding[]> {
  const directory = mkdtempSync(join(tmpdir(), 'specgate-rule-doc-'));
  const example = page.examples.get(spec)!;
  writeFileSync(join(directory, 'template.md'), page.examples.get('template')!.text);
  writeFileSync(join(directory, 'spec.md'), Buffer.from(example.text, example.encoding));
  writeFileSync(join(directory, 'specgate.yml'), stringifyYaml({ template: 'template.md', ...config }));
  const report = await runCheck({ root: directory, paths: ['spec.md'], config: 'specgate.yml' });
  return report.files.flatMap((file) => file.findings);
}

const ids = [...RULE_IDS, ...FILE_RULE_IDS];

describe.each(ids)('docs/rules/%s.md', (id) => {
  test('exists, and opens with the rule\'s one-line description (the one SARIF carries)', () => {
    expect(existsSync(join(ROOT, 'docs/rules', `${id}.md`))).toBe(true);
    expect(readPage(id).description).toBe(RULE_DESCRIPTIONS[id]);
  });

  if (NOT_FROM_THE_CLI.has(id)) {
    test('says where the finding comes from, since the CLI never gives it', () => {
      expect(readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8')).toMatch(/Only the GitHub App|The CLI has no pull request/);
    });
    return;
  }

  test('its failing example gets the finding at the default severity the page states; its passing example gets none at all', async () => {
    const page = readPage(id);
    expect([...page.examples.keys()]).toEqual(expect.arrayContaining(['template', 'fails', 'passes']));
    const config = (parseYaml(page.examples.get('config')?.text ?? '{}') ?? {}) as Record<string, unknown>;
    const { rules, ...withDefaultSeverities } = config as { rules?: Record<string, string> };

    const failing = await checkExample(page, 'fails', config);
    expect(failing.filter((finding) => finding.rule === id)).not.toEqual([]);
    // Without the example's `rules:` (which only a rule that is off by default needs), the rule has its default severity.
    const atDefault = (await checkExample(page, 'fails', withDefaultSeverities)).filter((finding) => finding.rule === id);
    if (page.defaultSeverity === 'off') {
      expect(atDefault).toEqual([]);
    } else {
      expect(rules).toBeUndefined();
      expect(new Set(atDefault.map((finding) => finding.severity))).toEqual(new Set([page.defaultSeverity]));
    }

    expect(await checkExample(page, 'passes', config)).toEqual([]);
  });
});
