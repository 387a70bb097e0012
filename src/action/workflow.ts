/**
 * Talking to the Actions runner: workflow commands on stdout (log levels, annotations, groups)
 * and the files it reads after the step ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY). The same
 * formats @actions/core writes, without depending on it.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { escapeData, escapeProperty } from '../render/github.js';

export type Level = 'debug' | 'notice' | 'warning' | 'error';

/** Where an annotation points; without a file it is an annotation on the job. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
}

export interface WorkflowFiles {
  /** $GITHUB_OUTPUT: `name<<delimiter` blocks. */
  outputFile?: string;
  /** $GITHUB_STEP_SUMMARY: markdown, appended. */
  summaryFile?: string;
}

export class Workflow {
  private readonly outputs = new Map<string, string>();

  constructor(
    private readonly files: WorkflowFiles,
    private readonly write: (text: string) => void = (text) => void process.stdout.write(text),
  ) {}

  /**
   * A plain log line. It may hold what a pull request chose (a file name, which can even hold a
   * line break): it stays one line, and one that would read as a workflow command (the runner
   * looks for `::` after leading blanks) is printed with commands stopped, as GitHub advises.
   */
  info(message: string): void {
    const line = message.replace(/\r\n|\r|\n/g, ' ');
    if (!line.trimStart().startsWith('::')) {
      this.write(`${line}\n`);
      return;
    }
    const token = `specgate-${randomUUID()}`;
    this.write(`::stop-commands::${token}\n${line}\n::${token}::\n`);
  }

  debug(message: string): void {
    this.command('debug', {}, message);
  }

  notice(message: string, properties: AnnotationProperties = {}): void {
    this.command('notice', properties, message);
  }

  warning(message: string, properties: AnnotationProperties = {}): void {
    this.command('warning', properties, message);
  }

  error(message: string, properties: AnnotationProperties = {}): void {
    this.command('error', properties, message);
  }

  /** Lines printed verbatim: workflow commands rendered elsewhere (src/render/github.ts). */
  raw(text: string): void {
    if (text !== '') this.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A step output; also remembered, so the last value of each name is known. */
  setOutput(name: string, value: string): void {
    this.outputs.set(name, value);
    if (!this.files.outputFile) {
      this.debug(`GITHUB_OUTPUT is not set: output ${name} is not written`);
      return;
    }
    // A fresh delimiter every time, so no value can end its own block early.
    let delimiter = `ghadelimiter_${randomUUID()}`;
    while (value.includes(delimiter) || name.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(this.files.outputFile, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
  }

  /** Appends markdown to the job summary; false when the runner gave no summary file. */
  appendSummary(markdown: string): boolean {
    if (!this.files.summaryFile) {
      this.debug('GITHUB_STEP_SUMMARY is not set: no job summary is written');
      return false;
    }
    appendFileSync(this.files.summaryFile, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
    return true;
  }

  private command(level: Level, properties: AnnotationProperties, message: string): void {
    const parts: string[] = [];
    if (properties.title !== undefined) parts.push(`title=${escapeProperty(properties.title)}`);
    if (properties.file !== undefined) parts.push(`file=${escapeProperty(properties.file)}`);
    if (properties.line !== undefined) parts.push(`line=${properties.line}`);
    this.write(`::${level}${parts.length > 0 ? ` ${parts.join(',')}` : ''}::${escapeData(message)}\n`);
  }
}
