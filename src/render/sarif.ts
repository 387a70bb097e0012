import { RULE_DESCRIPTIONS } from '../core/rules/index.js';
import { DEFAULT_SEVERITIES } from '../core/policy.js';
import type { Severity } from '../core/types.js';
import type { Report } from '../verdict/report.js';
import { ruleDocsUrl } from './rule-docs.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

/** SARIF 2.1.0, the format GitHub code scanning uploads (github/codeql-action/upload-sarif). */
export function renderSarif(report: Report, toolVersion: string): string {
  const ruleIds = Object.keys(RULE_DESCRIPTIONS) as Array<keyof typeof RULE_DESCRIPTIONS>;
  const rules = ruleIds.map((id) => {
    const severity = id in DEFAULT_SEVERITIES ? DEFAULT_SEVERITIES[id as keyof typeof DEFAULT_SEVERITIES] : 'error';
    return {
      id,
      name: id.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase()),
      shortDescription: { text: RULE_DESCRIPTIONS[id] },
      helpUri: ruleDocsUrl(id),
      defaultConfiguration: severity === 'off' ? { enabled: false } : { level: LEVEL[severity] },
    };
  });
  const results = report.files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.rule,
      ruleIndex: ruleIds.indexOf(finding.rule),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: file.path.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
            region: { startLine: finding.line },
          },
        },
      ],
      // Stable across runs, so code scanning tracks one alert per section instead of one per line.
      partialFingerprints: { 'specgate/v1': `${file.path}:${finding.rule}:${finding.section}` },
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'specgate', version: toolVersion, rules } }, results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
