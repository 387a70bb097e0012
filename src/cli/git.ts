import { execFileSync } from 'node:child_process';
import { UsageError } from './workspace.js';

/** A git command's output (given `input` on its standard input); a failure is a usage error that says what `option` needed (`--staged needs a git repository: …`). */
export function git(cwd: string, args: string[], option: string, input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024, ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input, stdio: ['pipe', 'pipe', 'pipe'] }) });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : stderr.split('\n')[0] || String(error);
    throw new UsageError(`${option} needs a git repository: ${reason}.`);
  }
}
