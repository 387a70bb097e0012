/**
 * Where each rule's page lives (docs/rules/<id>.md in this repository): SARIF's `helpUri`, so code
 * scanning links every alert to what the rule checks and how to fix it.
 */
export const RULE_DOCS_URL = 'https://github.com/specgate/specgate/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_URL}${id}.md`;
}
