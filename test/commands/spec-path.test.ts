import { specPathFrom } from '../../src/commands/spec-path.js';
import { defaultConfig } from '../../src/config/load.js';

const config = defaultConfig();

describe('a spec path named in a command', () => {
  test.each([
    ['docs/specs/search.md', 'docs/specs/search.md'],
    ['`docs/specs/search.md`', 'docs/specs/search.md'],
    ['docs/specs/./2026/../search.md', 'docs/specs/search.md'],
    ['specs/auth.md', 'specs/auth.md'],
  ])('%s is written as %s', (raw, path) => {
    expect(specPathFrom(raw, config)).toEqual({ path });
  });

  test.each([
    ['', /Name the spec file/],
    ['../outside.md', /outside/],
    ['docs/specs/../../.github/workflows/ci.md', /outside|not a spec path/],
    ['/etc/passwd.md', /not a relative path/],
    ['docs\\specs\\a.md', /not a relative path/],
    ['.github/workflows/release.yml', /not a spec path/],
    ['docs/specs/TEMPLATE.md', /not a spec path/],
    ['README.md', /not a spec path. Spec files match `docs\/specs\/\*\*\/\*.md`/],
  ])('%j is refused', (raw, problem) => {
    const result = specPathFrom(raw, config);
    expect('problem' in result && result.problem).toMatch(problem);
  });
});
