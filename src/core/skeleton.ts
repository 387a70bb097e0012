import type { TemplateSection } from './template.js';

/**
 * The markdown for a missing section: its heading at the level the spec uses there, the
 * template's guidance as an HTML comment (visible while writing, invisible when rendered,
 * and never mistaken for content), and its required sub-sections the same way.
 */
export function sectionSkeleton(section: TemplateSection, level: number, isRequired: (section: TemplateSection) => boolean): string {
  const parts = [`${'#'.repeat(clampLevel(level))} ${section.heading}`];
  const guidance = asComment(section.guidance);
  if (guidance) parts.push(guidance);
  for (const child of section.children) {
    if (isRequired(child)) parts.push(sectionSkeleton(child, level + child.level - section.level, isRequired));
  }
  return parts.join('\n\n');
}

function asComment(guidance: string): string {
  // Guidance may itself be a comment (as in KEP templates): one comment, not one inside another.
  const text = guidance.replace(/<!--|-->/g, '').trim();
  return text === '' ? '' : `<!--\n${text}\n-->`;
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, level));
}
