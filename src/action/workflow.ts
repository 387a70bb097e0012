/**
 * Talking to the Actions runner through @actions/core: log lines, annotations, step outputs and
 * the job summary. Everything goes where @actions/core sends it (stdout, $GITHUB_OUTPUT,
 * $GITHUB_STEP_SUMMARY); the job summary is written once, by `flush()`.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';
import type { Report } from '../verdict/report.js';

/** Where an annotation points; without a file it is an annotation on the job. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
}

const ANNOTATE = { error: core.error, warning: core.warning, notice: core.notice } as const;

function annotation(properties: AnnotationProperties): core.AnnotationProperties {
  return {
    ...(properties.title === undefined ? {} : { title: properties.title }),
    ...(properties.file === undefined ? {} : { file: properties.file }),
    ...(properties.line === undefined ? {} : { startLine: properties.line }),
  };
}

export class Workflow {
  private summaryParts = 0;

  /**
   * A plain log line. It may hold what a pull request chose (a file name, which can even hold a
   * line break): it stays one line, and one that would read as a workflow command (the runner
   * looks for `::` after leading blanks) is printed with commands stopped, as GitHub advises.
   */
  info(message: string): void {
    const line = message.replace(/\r\n|\r|\n/g, ' ');
    if (!line.trimStart().startsWith('::')) {
      core.info(line);
      return;
    }
    const token = `specgate-${randomUUID()}`;
    core.info(`::stop-commands::${token}\n${line}\n::${token}::`);
  }

  debug(message: string): void {
    core.debug(message);
  }

  notice(message: string, properties: AnnotationProperties = {}): void {
    core.notice(message, annotation(properties));
  }

  warning(message: string, properties: AnnotationProperties = {}): void {
    core.warning(message, annotation(properties));
  }

  error(message: string, properties: AnnotationProperties = {}): void {
    core.error(message, annotation(properties));
  }

  /** Each finding of the report as an annotation on its file and line. */
  annotate(report: Report): void {
    for (const file of report.files) {
      for (const finding of file.findings) ANNOTATE[finding.severity](finding.message, annotation({ file: file.path, line: finding.line, title: `specgate ${finding.rule}` }));
    }
  }

  /** A step output (without $GITHUB_OUTPUT, outside a runner, it is only logged for debugging). */
  setOutput(name: string, value: string): void {
    if (!process.env.GITHUB_OUTPUT) {
      this.debug(`GITHUB_OUTPUT is not set: output ${name} is not written`);
      return;
    }
    core.setOutput(name, value);
  }

  /** Adds markdown to the job summary, written by `flush()`. */
  appendSummary(markdown: string): void {
    core.summary.addRaw(markdown, !markdown.endsWith('\n'));
    this.summaryParts += 1;
  }

  /**
   * Writes the job summary; says so in the debug log when the runner gave no summary file. Built
   * with core.summary, appended here: core.summary.write() keeps the first $GITHUB_STEP_SUMMARY it
   * saw for the life of the process, and the tests run many steps in one process.
   */
  flush(): void {
    const file = process.env.GITHUB_STEP_SUMMARY;
    const markdown = core.summary.stringify();
    core.summary.emptyBuffer();
    if (this.summaryParts === 0) return;
    this.summaryParts = 0;
    if (!file) this.debug('GITHUB_STEP_SUMMARY is not set: no job summary is written');
    else appendFileSync(file, markdown, 'utf8');
  }
}
