// Minimal reproduction: micromark's document tokenizer is quadratic in the number of list items
// (no specgate code involved). `node bench/micromark-quadratic/repro.mjs` prints, for a document
// of N flat list items and of N items nested one level, the time of micromark's parse and
// postprocess and how many events micromark-util-edit-map's `consume` copied.
import { createRequire } from 'node:module';
import { parse, postprocess, preprocess } from 'micromark';

const require = createRequire(import.meta.url);
// Count the events EditMap.consume copies: it is what grows with the square of the items.
const editMapPath = require.resolve('micromark-util-edit-map');
const { EditMap } = await import(editMapPath);
const consume = EditMap.prototype.consume;
let copied = 0;
EditMap.prototype.consume = function (events) {
  copied += events.length;
  return consume.call(this, events);
};

const documents = {
  'flat list': (n) => Array.from({ length: n }, (_, i) => `- item ${i}`).join('\n'),
  'list in a list': (n) => `- outer\n${Array.from({ length: n }, (_, i) => `  - item ${i}`).join('\n')}`,
  'paragraphs (control)': (n) => Array.from({ length: n }, (_, i) => `paragraph ${i}`).join('\n\n'),
};

for (const [name, make] of Object.entries(documents)) {
  let previous;
  for (const n of [2_000, 4_000, 8_000]) {
    const text = make(n);
    copied = 0;
    const started = performance.now();
    postprocess(parse().document().write(preprocess()(text, undefined, true)));
    const ms = performance.now() - started;
    const growth = previous ? `  time x${(ms / previous.ms).toFixed(1)}, events copied x${(copied / previous.copied).toFixed(1)} for x2 the input` : '';
    console.log(`${name.padEnd(22)} ${String(n).padStart(5)} items, ${(text.length / 1024).toFixed(0).padStart(4)} KB: ${ms.toFixed(0).padStart(6)} ms, ${copied.toLocaleString('en').padStart(14)} events copied${growth}`);
    previous = { ms, copied };
  }
}
