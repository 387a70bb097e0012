// Writes the files generated from the configuration schema. Run after `npm run build`.
import { writeFileSync } from 'node:fs';
import { configurationMarkdown, schemaJson } from '../build/config/docs.js';

writeFileSync(new URL('../schema/specgate.schema.json', import.meta.url), schemaJson());
writeFileSync(new URL('../docs/configuration.md', import.meta.url), configurationMarkdown());
console.log('wrote schema/specgate.schema.json and docs/configuration.md');
