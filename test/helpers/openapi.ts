/**
 * Request bodies checked against GitHub's own OpenAPI description (@octokit/openapi), so a
 * field GitHub would reject fails the test. The description is OpenAPI 3.0: its schemas are a
 * draft-07 dialect with `nullable`, which is rewritten into JSON Schema once, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
// The plain file (13 MB) parses six times faster than the dereferenced one; ajv resolves $refs lazily.
const SPEC_FILE = require.resolve('@octokit/openapi/generated/api.github.com.json');

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json = Record<string, unknown>;
interface OpenApi {
  paths: Record<string, Record<string, Json>>;
  components: unknown;
}
let spec: OpenApi | undefined;
let ajv: Ajv;
const validators = new Map<string, ValidateFunction>();

/** OpenAPI 3.0's `nullable` rewritten, in place, into JSON Schema that ajv understands. */
export function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (!node || typeof node !== 'object') return node;
  const object = node as Json;
  for (const key of Object.keys(object)) object[key] = rewriteNullable(object[key]);
  if (!('nullable' in object)) return object;
  const nullable = object.nullable === true;
  delete object.nullable;
  if (!nullable) return object;
  if (typeof object.type === 'string') {
    object.type = [object.type, 'null'];
    if (Array.isArray(object.enum) && !object.enum.includes(null)) object.enum.push(null);
    return object;
  }
  if (Object.keys(object).every((key) => key === 'description')) return object;
  const { description, ...rest } = object;
  return { description, anyOf: [rest, { type: 'null' }] };
}

function load(): OpenApi {
  if (spec) return spec;
  const loaded = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as OpenApi;
  rewriteNullable(loaded.paths);
  rewriteNullable(loaded.components);
  ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('repo.nwo', true);
  ajv.addFormat('timestamp', true);
  ajv.addSchema(loaded as object, 'gh');
  spec = loaded;
  return loaded;
}

const pointer = (segment: string): string => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

function validatorFor(method: Method, pathTemplate: string): ValidateFunction {
  const key = `${method} ${pathTemplate}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const operation = load().paths[pathTemplate]?.[method] as { requestBody?: { content?: Record<string, { schema?: unknown }> } } | undefined;
  if (!operation) throw new Error(`OpenAPI: no operation ${key}`);
  if (!operation.requestBody?.content?.['application/json']?.schema) throw new Error(`OpenAPI: ${key} has no JSON request body`);
  const ref = `gh#/paths/${[pathTemplate, method, 'requestBody', 'content', 'application/json', 'schema'].map(pointer).join('/')}`;
  const validate = ajv.compile({ $ref: ref });
  validators.set(key, validate);
  return validate;
}

/** Throws with GitHub's schema errors when `body` is not a body GitHub accepts for the operation. */
export function assertValidBody(method: Method, pathTemplate: string, body: unknown): void {
  const validate = validatorFor(method, pathTemplate);
  if (!validate(body)) throw new Error(`${method.toUpperCase()} ${pathTemplate}: body GitHub would reject: ${ajv.errorsText(validate.errors)}`);
}
