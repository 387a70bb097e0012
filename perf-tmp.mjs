import { readFileSync, readdirSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
const dir = '/work/shared/corpus/rust-rfcs/text/';
const files = readdirSync(dir).filter(f => f.endsWith('.md')).map(f => readFileSync(dir + f, 'utf8'));
const bytes = files.reduce((a, f) => a + Buffer.byteLength(f), 0);
function time(label, fn) { fn(); const t = process.hrtime.bigint(); fn(); const ms = Number(process.hrtime.bigint() - t) / 1e6; console.log(label, ms.toFixed(0) + 'ms', (bytes / 1e6 / (ms / 1000)).toFixed(2) + ' MB/s'); }
const fm = { extensions: [frontmatter(['yaml','toml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml','toml'])] };
time('plain', () => files.forEach(f => fromMarkdown(f)));
time('frontmatter', () => files.forEach(f => fromMarkdown(f, fm)));
time('frontmatter+gfm', () => files.forEach(f => fromMarkdown(f, { extensions: [frontmatter(['yaml']), gfm()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()] })));
const off = (names) => ({ extensions: [frontmatter(['yaml','toml']), { disable: { null: names } }], mdastExtensions: [frontmatterFromMarkdown(['yaml','toml'])] });
time('fm, no attention', () => files.forEach(f => fromMarkdown(f, off(['attention']))));
time('fm, no attention/autolink/htmlText/charRef', () => files.forEach(f => fromMarkdown(f, off(['attention','autolink','htmlText','characterReference']))));
time('fm, no inline at all', () => files.forEach(f => fromMarkdown(f, off(['attention','autolink','htmlText','characterReference','characterEscape','codeText','labelStartLink','labelStartImage','labelEnd','hardBreakEscape','lineEnding']))));
