/**
 * Response bodies checked against GitHub's OpenAPI description (@octokit/openapi), so every shape
 * the stand-in sends is one GitHub documents. OpenAPI 3.0's `nullable` is rewritten into JSON
 * Schema once, on first use (as test/helpers/openapi.ts does for request bodies).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { rewriteNullable } from '../helpers/openapi.js';

const require = createRequire(import.meta.url);
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const SPEC_FILE = require.resolve('@octokit/openapi/generated/api.github.com.json');

type Json = Record<string, unknown>;
let ajv: Ajv | undefined;
let paths: Record<string, Record<string, Json>> = {};
const validators = new Map<string, ValidateFunction>();

function load(): Ajv {
  if (ajv) return ajv;
  const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as { paths: typeof paths; components: unknown };
  rewriteNullable(spec.paths);
  rewriteNullable(spec.components);
  paths = spec.paths;
  ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('repo.nwo', true);
  ajv.addFormat('timestamp', true);
  ajv.addSchema(spec as object, 'gh');
  return ajv;
}

const pointer = (segment: string): string => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

/** Throws with the schema's complaints when `body` is not what GitHub documents for that operation and status. */
export function assertValidResponse(method: string, template: string, status: number, body: unknown): void {
  const validator = load();
  const key = `${method} ${template} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const operation = paths[template]?.[method.toLowerCase()] as { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } | undefined;
    if (!operation?.responses?.[String(status)]?.content?.['application/json']?.schema) throw new Error(`OpenAPI: ${key} has no JSON response schema`);
    const ref = `gh#/paths/${[template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema'].map(pointer).join('/')}`;
    validate = validator.compile({ $ref: ref });
    validators.set(key, validate);
  }
  if (!validate(body)) throw new Error(`${key}: a body GitHub would not send: ${validator.errorsText(validate.errors)}`);
}
