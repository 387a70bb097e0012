import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `directory` that `keep(path, name)` keeps, in sorted order: how the benches list a corpus. */
export function walk(directory, keep, out = []) {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path, name)) out.push(path);
  }
  return out;
}
