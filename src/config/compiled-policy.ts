import { LRUCache } from 'lru-cache';
import { createPolicy, type PolicyOptions } from '../core/policy.js';
import { parseTemplate } from '../core/template.js';

type Compiled = ReturnType<typeof createPolicy>;

// Bounded by the templates' text too: a hostile template of 10,000 sections must not pin megabytes.
const compiled = new LRUCache<string, Compiled>({ max: 256, maxSize: 8 * 1024 * 1024, sizeCalculation: (_, key) => Math.max(1, key.length) });

/**
 * A template's policy under these options, parsed once per process (or worker thread): the app
 * compiles the same few templates for every event. Policies are read, never changed, so one
 * compiled policy serves every caller.
 */
export function compilePolicy(text: string, options: PolicyOptions): Compiled {
  const key = `${JSON.stringify(options)}\u0000${text}`;
  let result = compiled.get(key);
  if (result === undefined) {
    result = createPolicy(parseTemplate(text), options);
    compiled.set(key, result);
  }
  return result;
}
