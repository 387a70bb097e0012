import { headingKey } from './normalize.js';
import type { Block, Heading, SpecDocument, SpecSection } from './types.js';

/**
 * Builds a SpecDocument from a document's top-level pieces in order: front matter, headings
 * and blocks. Both section-tree builders (the fast one and mdast's reference) feed it, so the
 * nesting of sections is decided in one place.
 */
export class OutlineBuilder {
  readonly document: SpecDocument;
  private readonly open: SpecSection[] = [];

  constructor(lines: string[]) {
    this.document = { lineCount: lines.length, lines, preamble: [], sections: [], all: [] };
  }

  frontMatter(value: string, endLine: number): void {
    this.document.frontMatter = { value, endLine };
  }

  heading(heading: Heading): void {
    const { document, open } = this;
    const section: SpecSection = { heading, key: headingKey(heading.text), endLine: document.lineCount, blocks: [], children: [], index: document.all.length };
    while (open.length > 0 && open[open.length - 1]!.heading.level >= heading.level) {
      open.pop()!.endLine = heading.line - 1;
    }
    const parent = open[open.length - 1];
    (parent ? parent.children : document.sections).push(section);
    document.all.push(section);
    open.push(section);
  }

  block(block: Block): void {
    const current = this.open[this.open.length - 1];
    (current ? current.blocks : this.document.preamble).push(block);
  }
}
