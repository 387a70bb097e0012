/**
 * The HTML report's style sheet, inlined into the page (no fonts or images are fetched). Each
 * state has a colour and a word, so the table reads in greyscale and to a screen reader too.
 */
export const HTML_STYLE = `
:root { color-scheme: light; --missing: #fde2e1; --missing-ink: #a3161a; --empty: #ffe8cc; --empty-ink: #8a4b00;
  --placeholder: #fff4bf; --placeholder-ink: #6b5300; --warning: #e8f0fe; --warning-ink: #1f4e99; --complete: #e3f6e8; --complete-ink: #1b6b34; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
h2 small, th small { font-weight: normal; color: #59636e; }
h3 { font-size: 15px; margin: 18px 0 6px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.summary { font-size: 16px; margin: 0 0 12px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 0; color: #59636e; }
.legend .cell { display: inline-block; min-width: 84px; padding: 1px 6px; border-radius: 4px; text-align: center; }
.scroll { overflow-x: auto; border: 1px solid #d1d9e0; border-radius: 6px; }
table.matrix { border-collapse: collapse; width: 100%; }
.matrix th, .matrix td { border-bottom: 1px solid #d1d9e0; padding: 5px 4px; text-align: center; white-space: nowrap; font-size: 12.5px; }
.matrix thead th { position: sticky; top: 0; background: #f6f8fa; font-size: 12px; font-weight: 600; white-space: normal; min-width: 60px; vertical-align: bottom; }
.matrix thead th.depth-1 { font-weight: normal; font-style: italic; }
.matrix thead th.depth-2 { font-weight: normal; font-style: italic; font-size: 11px; }
.matrix th[scope=row] { text-align: left; font-weight: normal; position: sticky; left: 0; background: #fff; white-space: normal; overflow-wrap: anywhere; min-width: 150px; max-width: 230px; padding-left: 8px; }
.matrix tbody tr:hover th, .matrix tbody tr:hover td { filter: brightness(0.96); }
.cell a { color: inherit; text-decoration: none; display: block; }
.cell a:hover { text-decoration: underline; }
.cell.missing { background: var(--missing); color: var(--missing-ink); font-weight: 600; }
.cell.empty { background: var(--empty); color: var(--empty-ink); font-weight: 600; }
.cell.placeholder { background: var(--placeholder); color: var(--placeholder-ink); font-weight: 600; }
.cell.warning { background: var(--warning); color: var(--warning-ink); }
.cell.complete { background: var(--complete); color: var(--complete-ink); }
.cell.unchecked { background: var(--missing); color: var(--missing-ink); text-align: left; }
.result.fail { color: var(--missing-ink); font-weight: 600; }
.result.pass { color: var(--complete-ink); font-weight: 600; }
.findings ol { margin: 0; padding-left: 22px; }
.findings li { margin: 3px 0; }
.findings li:target { background: var(--placeholder); outline: 2px solid var(--placeholder-ink); }
.findings .line { display: inline-block; min-width: 64px; color: #59636e; }
.severity { display: inline-block; min-width: 66px; font-weight: 600; }
.severity.error { color: var(--missing-ink); }
.severity.warning { color: var(--empty-ink); }
.severity.notice { color: var(--warning-ink); }
.complete-note { color: var(--complete-ink); margin: 0; }
footer { margin-top: 32px; color: #59636e; font-size: 12px; }
`;
