import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationMarkdown, schemaJson } from '../../src/config/docs.js';
import { CONFIG_SCHEMA } from '../../src/config/schema.js';
import { ROOT } from '../helpers/fixtures.js';

describe('files generated from the schema are current (run `npm run generate` after changing it)', () => {
  test('schema/specgate.schema.json', () => {
    expect(readFileSync(join(ROOT, 'schema/specgate.schema.json'), 'utf8')).toBe(schemaJson());
  });

  test('docs/configuration.md', () => {
    expect(readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8')).toBe(configurationMarkdown());
  });

  test('the reference documents every key', () => {
    const reference = configurationMarkdown();
    for (const key of Object.keys(CONFIG_SCHEMA.properties)) expect(reference).toContain(`| \`${key}\` |`);
  });
});
