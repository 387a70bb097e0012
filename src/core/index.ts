/** The pure core: markdown text, a template and options in; findings out. No I/O. */
export { checkSpec, passes } from './check.js';
export { parseSpec, splitLines } from './parse.js';
export { parseTemplate, type Template, type TemplateSection } from './template.js';
export { createPolicy, DEFAULT_SEVERITIES, type Policy, type PolicyOptions, type PolicyProblem, type SectionOptions } from './policy.js';
export { DEFAULT_PLACEHOLDERS } from './placeholders.js';
export { headingKey } from './normalize.js';
export * from './types.js';
export { decodeSpec, DEFAULT_MAX_BYTES, type Decoded } from './decode.js';
export { RULE_DESCRIPTIONS } from './rules/index.js';
