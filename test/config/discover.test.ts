import { join, resolve } from 'node:path';
import { CONFIG_NAMES, findProject, repositoryRoot, rootOfConfig } from '../../src/config/discover.js';

/** A file system of these paths only. */
const tree = (...paths: string[]) => (path: string) => paths.map((entry) => resolve(entry)).includes(resolve(path));

describe('findProject', () => {
  test('the nearest directory with a configuration name wins, in the documented order', () => {
    const exists = tree('/repo/.git', '/repo/.github/specgate.yml', '/repo/.specgate.yml', '/repo/pkg/.specgate.yaml');
    expect(findProject('/repo/pkg/docs', exists)).toEqual({ root: '/repo/pkg', configFile: join('/repo/pkg', '.specgate.yaml') });
    expect(findProject('/repo/docs/specs', exists)).toEqual({ root: '/repo', configFile: join('/repo', CONFIG_NAMES[0]) });
  });

  test('the search stops at the repository root; without a configuration, the root is the repository root', () => {
    const exists = tree('/outer/.github/specgate.yml', '/outer/repo/.git');
    expect(findProject('/outer/repo/docs', exists)).toEqual({ root: '/outer/repo' });
  });

  test('outside a repository and without a configuration, the root is where the search started', () => {
    expect(findProject('/tmp/somewhere', tree())).toEqual({ root: resolve('/tmp/somewhere') });
  });
});

describe('roots of configuration files', () => {
  test('a file in .github belongs to the folder above it; any other, to its own folder', () => {
    expect(rootOfConfig('/repo/.github/specgate.yml')).toBe(resolve('/repo'));
    expect(rootOfConfig('/repo/ci/specgate.yml')).toBe(resolve('/repo/ci'));
  });

  test('repositoryRoot finds the folder with .git, or stays where it started', () => {
    expect(repositoryRoot('/repo/a/b', tree('/repo/.git'))).toBe(resolve('/repo'));
    expect(repositoryRoot('/nowhere/a', tree())).toBe(resolve('/nowhere/a'));
  });
});
