import { CONFIG_NAMES } from './discover.js';
import { CONFIG_SCHEMA } from './schema.js';

/** The JSON Schema file editors use, exactly as the validator sees it. */
export function schemaJson(): string {
  return `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;
}

interface PropertySchema {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: readonly string[];
  items?: { type?: string };
}

/** docs/configuration.md, written from the schema's descriptions so the two cannot drift. */
export function configurationMarkdown(): string {
  const rows = Object.entries(CONFIG_SCHEMA.properties as Record<string, PropertySchema>).map(([key, property]) => {
    const type = property.enum ? property.enum.map((value) => `\`${value}\``).join(' \\| ') : typeName(property);
    const defaults = property.default === undefined ? '' : `\`${JSON.stringify(property.default)}\``;
    return `| \`${key}\` | ${type} | ${defaults} | ${(property.description ?? '').replace(/\|/g, '\\|')} |`;
  });
  const section = CONFIG_SCHEMA.properties.sections.additionalProperties.properties as Record<string, PropertySchema>;
  const sectionRows = Object.entries(section).map(([key, property]) => `| \`${key}\` | ${typeName(property)} | ${property.description ?? ''} |`);
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from src/config/schema.ts by `npm run generate`; edit the schema, not this file. -->',
    '',
    'specgate reads `.github/specgate.yml` from the repository (the default branch, for the app). Every key is',
    'optional. Unknown keys and wrong types are errors that name the key and its line. Editors can check the',
    'file against `schema/specgate.schema.json`.',
    '',
    `The CLI finds its configuration from the current directory up to the repository root, under the first of these names: ${CONFIG_NAMES.map((name) => `\`${name}\``).join(', ')}.`,
    'Paths in it are relative to the directory that holds it (the parent of `.github`); `--config FILE` wins, with paths relative to the repository root.',
    '',
    '| key | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## `sections.<name>`',
    '',
    '| key | type | meaning |',
    '| --- | --- | --- |',
    ...sectionRows,
    '',
  ].join('\n');
}

function typeName(property: PropertySchema): string {
  if (property.type === 'array') return `list of ${property.items?.type ?? 'values'}`;
  return property.type ?? 'value';
}
