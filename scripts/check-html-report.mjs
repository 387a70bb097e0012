#!/usr/bin/env node
// Opens `specgate check --format html` in headless Chromium (Debian's `chromium` package) and checks
// what a person sees there, against the JSON report of the same run: one table per template, one
// row per spec, each cell the state of its section, each cell's link landing on its finding, and
// nothing fetched from anywhere. `.ci/run` runs it after the tests; a failure fails CI.
//
//   node scripts/check-html-report.mjs [--screenshot FILE.png]
//
// It drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe): no port, no
// WebSocket, no dependency. Run `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(ROOT, 'test/fixtures/repos/report');
const VIEWPORT = { width: 1400, height: 900 };
const screenshotAt = process.argv.indexOf('--screenshot');
const screenshot = screenshotAt > 0 ? resolve(process.argv[screenshotAt + 1]) : undefined;

const failures = [];
let checks = 0;
function expect(condition, what) {
  checks += 1;
  if (!condition) failures.push(what);
}

function specgate(args) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/specgate.js'), ...args], { cwd: FIXTURE, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 1) throw new Error(`specgate ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** What each cell should say, from the JSON report: the worst finding of its section, else ✓. */
function expectedRows(json) {
  const state = { 'missing-section': 'missing', 'empty-section': 'empty', 'placeholder-section': 'placeholder' };
  const worst = ['missing', 'empty', 'placeholder', '⚠ warning'];
  return json.files.map((file) => {
    const bySection = new Map();
    for (const finding of file.findings) {
      if (finding.severity === 'notice') continue;
      const word = state[finding.rule] ?? '⚠ warning';
      const before = bySection.get(finding.section);
      if (before === undefined || worst.indexOf(word) < worst.indexOf(before)) bySection.set(finding.section, word);
    }
    return { path: file.path, template: file.template, result: file.status === 'fail' ? 'incomplete' : 'complete', bySection };
  });
}

/** A minimal DevTools protocol client over Chromium's pipe: JSON messages ended by NUL bytes. */
function devtools(child) {
  const pending = new Map();
  const listeners = [];
  let nextId = 0;
  let buffer = '';
  child.stdio[4].on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined && pending.has(message.id)) {
        const { resolve: done, reject } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
        else done(message.result);
      } else {
        for (const listener of listeners) listener(message);
      }
    }
  });
  return {
    send(method, params = {}, sessionId) {
      const id = ++nextId;
      child.stdio[3].write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      return new Promise((done, reject) => pending.set(id, { resolve: done, reject }));
    },
    once(method) {
      return new Promise((done) => {
        const listener = (message) => {
          if (message.method !== method) return;
          listeners.splice(listeners.indexOf(listener), 1);
          done(message.params);
        };
        listeners.push(listener);
      });
    },
    on(listener) {
      listeners.push(listener);
    },
  };
}

/** Everything the page shows, read in the page: tables, rows, cells' words and colours, links. */
const READ_PAGE = `(() => {
  const visible = (element) => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'; };
  return {
    title: document.title,
    summary: document.querySelector('.summary')?.innerText ?? '',
    resources: performance.getEntriesByType('resource').map((entry) => entry.name),
    tables: [...document.querySelectorAll('section.template')].map((section) => ({
      heading: section.querySelector('h2').innerText,
      visible: visible(section.querySelector('table')),
      columns: [...section.querySelectorAll('thead th')].map((th) => ({ name: th.innerText.replace(/\\s+/g, ' ').trim(), depth: Number(/depth-(\\d)/.exec(th.className)?.[1] ?? 0) })),
      rows: [...section.querySelectorAll('tbody tr')].map((tr) => ({
        path: tr.querySelector('th').innerText.replace(/\\s+/g, ''),
        cells: [...tr.querySelectorAll('td')].map((td) => {
          const link = td.querySelector('a');
          const target = link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
          return {
            text: td.innerText.trim(),
            background: getComputedStyle(td).backgroundColor,
            visible: visible(td),
            target: target ? { visible: visible(target), text: target.innerText } : link ? 'broken' : null,
          };
        }),
      })),
    })),
  };
})()`;

async function readInChromium(file) {
  const profile = mkdtempSync(join(tmpdir(), 'specgate-chromium-'));
  const child = spawn(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stdio[2].on('data', (chunk) => (stderr += chunk));
  const started = new Promise((_, reject) => child.once('error', reject));
  const cdp = devtools(child);
  const requests = [];
  cdp.on((message) => message.method === 'Network.requestWillBeSent' && requests.push(message.params.request.url));
  try {
    const work = (async () => {
      const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
      await cdp.send('Network.enable', {}, sessionId);
      await cdp.send('Page.enable', {}, sessionId);
      await cdp.send('Emulation.setDeviceMetricsOverride', { ...VIEWPORT, deviceScaleFactor: 1, mobile: false }, sessionId);
      const loaded = cdp.once('Page.loadEventFired');
      await cdp.send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
      await loaded;
      const { result } = await cdp.send('Runtime.evaluate', { expression: READ_PAGE, returnByValue: true }, sessionId);
      const shot = screenshot ? await cdp.send('Page.captureScreenshot', { format: 'png' }, sessionId) : undefined;
      await cdp.send('Browser.close').catch(() => undefined);
      return { page: result.value, requests, png: shot?.data };
    })();
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`Chromium did not answer within 60 s. Its log:\n${stderr.slice(-2000)}`)), 60_000).unref());
    return await Promise.race([work, started, timeout]);
  } finally {
    // The profile is removed once Chromium has stopped writing to it.
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', done));
    child.kill();
    await exited;
    removeProfile(profile);
  }
}

/**
 * Chromium's helper processes can outlive the browser by a moment and still write into the
 * profile (a CI run failed on ENOTEMPTY): removal is retried for about 10 s, and a profile that
 * still cannot go is left in the temporary directory with a note, since the report was read.
 */
function removeProfile(profile) {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`could not remove Chromium's profile ${profile} (${error.code}); left in place`);
  }
}

const work = mkdtempSync(join(tmpdir(), 'specgate-html-'));
const htmlFile = join(work, 'report.html');
specgate(['check', '--format', 'html', '--output-file', htmlFile]);
const json = JSON.parse(specgate(['check', '--format', 'json']));
const { page, requests, png } = await readInChromium(htmlFile);
if (png) writeFileSync(screenshot, Buffer.from(png, 'base64'));

const expected = expectedRows(json);
const incomplete = json.files.filter((file) => file.status === 'fail').length;
expect(page.title === `specgate: ${incomplete} of ${json.files.length} specs incomplete`, `the page's title: ${page.title}`);
expect(page.summary.startsWith(`${incomplete} of ${json.files.length} specs incomplete: ${json.summary.errors} errors`), `the summary line: ${page.summary}`);
expect(requests.length === 1 && requests[0].startsWith('file://'), `only the report itself is loaded, nothing else: ${requests.join(', ')}`);
expect(page.resources.length === 0, `no resource is fetched: ${page.resources.join(', ')}`);
const templates = [...new Set(json.files.map((file) => file.template))];
expect(page.tables.length === templates.length, `one table per template: ${page.tables.length} tables for ${templates.length} templates`);

for (const table of page.tables) {
  const template = templates.find((name) => table.heading.includes(name));
  expect(template !== undefined && table.visible, `the table "${table.heading}" names a template of the run and is visible`);
  const rows = expected.filter((row) => row.template === template);
  expect(JSON.stringify(table.rows.map((row) => row.path)) === JSON.stringify(rows.map((row) => row.path)), `${template}: one row per spec, in report order: ${table.rows.map((row) => row.path)}`);
  const columns = table.columns.slice(2).map((column) => ({ ...column, name: column.name.replace(/ \(optional\)$/, '') }));
  table.rows.forEach((row, index) => {
    const want = rows[index];
    if (!want) return;
    const [result, ...cells] = row.cells;
    expect(result.text === want.result, `${row.path}: the result says ${result.text}, the JSON ${want.result}`);
    const words = [];
    /** The section whose finding each cell should link to. */
    const owners = [];
    columns.forEach((column, at) => {
      // A sub-section of a missing section is missing with it (the one finding says so).
      const parent = columns.slice(0, at).findLastIndex((other) => other.depth < column.depth);
      const inherited = !want.bySection.has(column.name) && parent >= 0 && words[parent] === 'missing';
      words.push(want.bySection.get(column.name) ?? (inherited ? 'missing' : '✓'));
      owners.push(inherited ? owners[parent] : column.name);
    });
    cells.forEach((cell, at) => {
      const section = columns[at].name;
      expect(cell.text === words[at], `${row.path} × ${section}: the cell says "${cell.text}", the findings say "${words[at]}"`);
      expect(cell.visible, `${row.path} × ${section}: the cell is visible`);
      if (cell.text === '✓') expect(cell.target === null, `${row.path} × ${section}: a complete cell links nowhere`);
      else expect(cell.target !== null && cell.target !== 'broken' && cell.target.visible && cell.target.text.includes(`"${owners[at]}"`), `${row.path} × ${section}: the cell links to the finding about "${owners[at]}"`);
    });
  });
  // The colours tell the states apart (each state also has its word).
  const colours = new Map();
  for (const row of table.rows) for (const cell of row.cells.slice(1)) colours.set(cell.text, cell.background);
  const distinct = new Set(colours.values());
  expect(distinct.size === colours.size, `${template}: each state has a colour of its own: ${JSON.stringify([...colours])}`);
}
rmSync(work, { recursive: true, force: true });

if (failures.length > 0) {
  console.error(`html report: ${failures.length} of ${checks} checks failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log(`html report: ${checks} checks passed in headless Chromium${screenshot ? `; screenshot written to ${screenshot}` : ''}`);
