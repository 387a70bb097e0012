/** specgate's repository: the one place to change when it moves (src/cli/docs-url.ts builds on it). */
export const REPOSITORY = 'specgate/specgate';
export const REPOSITORY_URL = `https://github.com/${REPOSITORY}`;

/**
 * Where each rule's page lives (docs/rules/<id>.md in this repository): SARIF's `helpUri`, so code
 * scanning links every alert to what the rule checks and how to fix it.
 */
const RULE_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_URL}${id}.md`;
}
