import type { Policy } from '../core/policy.js';
import { plural } from '../verdict/report.js';

/**
 * The template as specgate reads it, for `specgate template`: each section on its line, whether
 * a spec must have it, and why (so a team sees at once which comment or mark made it optional).
 */
export function renderTemplateOutline(policy: Policy, source: string): string {
  const { template } = policy;
  const required = template.all.filter((section) => policy.isRequired(section)).length;
  const lines = [`${source}: ${plural(template.all.length, 'section')}, ${required} required${template.title === undefined ? '' : ` (title: "${template.title}")`}`, ''];
  const width = String(Math.max(0, ...template.all.map((section) => section.line))).length;
  for (const section of template.all) {
    const { required: isRequired, why } = policy.requirement(section);
    const within = section.parent && !policy.isRequired(section.parent) && isRequired ? `, when "${section.parent.name}" is there` : '';
    const heading = `${'#'.repeat(section.level)} ${section.name}`;
    lines.push(`${String(section.line).padStart(width)}  ${heading}  ${isRequired ? 'required' : 'optional'}${within}: ${why}`);
  }
  return `${lines.join('\n')}\n`;
}
