import { parse } from 'yaml';
import { validateConfig } from '../../src/config/parse.js';
import { configLayers, enforceLock, mergeConfigLayers, mergeLayers, type ConfigNotice } from '../../src/config/merge.js';
import { fixture } from '../helpers/fixtures.js';

const layer = (path: string, source?: string) => ({ config: parse(fixture(path)) as Record<string, unknown>, ...(source ? { source } : {}) });
const ORG = 'octo-org/.github:.github/specgate.yml';

describe('layered configuration: an organisation policy under a repository', () => {
  test('sections merge section by section and key by key; other keys are replaced, as Probot does', () => {
    const { config, notices } = mergeConfigLayers([layer('config/layers/org.yml', ORG), layer('config/layers/repo-tightens.yml')]);
    expect(notices).toEqual([]);
    expect(config).toEqual({
      placeholders: ['TBD'],
      sections: {
        Security: { locked: true, required: true, min_words: 50, aliases: ['Threat Model'] },
        Rollout: { min_words: 5 },
        'Open Questions': { required: true },
      },
    });
    expect(validateConfig(config).problems).toEqual([]);
  });

  test('a locked section cannot be loosened: the repository keys are dropped, each with a notice naming the lock', () => {
    const { config, notices } = mergeConfigLayers([layer('config/layers/org.yml', ORG), layer('config/layers/repo-loosens.yml', 'octo-org/api:.github/specgate.yml')]);
    expect((config.sections as Record<string, unknown>).Security).toEqual({ locked: true, required: true, min_words: 20, aliases: ['Threat Model', 'Threats'] });
    // Rollout is not locked: the repository may make it optional.
    expect((config.sections as Record<string, unknown>).Rollout).toEqual({ min_words: 5, required: false });
    expect(notices.map((notice) => notice.key)).toEqual(['sections.Security.required', 'sections.Security.min_words', 'sections.Security.locked']);
    expect(notices[0]!.message).toBe(
      '`sections.Security.required: false` in octo-org/api:.github/specgate.yml is ignored: the section "Security" is locked by octo-org/.github:.github/specgate.yml, so `required: true` stays.',
    );
    expect(notices[1]!.message).toContain('`min_words: 20` stays');
  });

  test('a lock applies to the layers after it, not to the layer that sets it', () => {
    const { config, notices } = mergeConfigLayers([{ config: { sections: { Security: { locked: true, required: false } } } }]);
    expect(config).toEqual({ sections: { Security: { locked: true, required: false } } });
    expect(notices).toEqual([]);
  });

  test('an organisation that itself says required: false lets repositories say it too', () => {
    const notices: ConfigNotice[] = [];
    expect(enforceLock('Appendix', { required: false }, { locked: true, required: false }, ORG, undefined, notices)).toEqual({ required: false });
    expect(notices).toEqual([]);
  });

  test('a lock without required keeps the section as required as the template makes it', () => {
    const notices: ConfigNotice[] = [];
    expect(enforceLock('Security', { required: false, min_words: 3 }, { locked: true }, undefined, undefined, notices)).toEqual({ min_words: 3 });
    expect(notices).toEqual([
      {
        key: 'sections.Security.required',
        message: '`sections.Security.required: false` is ignored: the section "Security" is locked by the inherited configuration, so it stays as required as the template makes it.',
      },
    ]);
  });

  test('a repository cannot exempt older or earlier-status specs from a locked section', () => {
    const { config, notices } = mergeConfigLayers([
      { config: { sections: { Security: { locked: true }, Rollout: { locked: true, required_from: 'Accepted' } } }, source: ORG },
      { config: { sections: { Security: { required_since: '2024-01-01' }, Rollout: { required_from: 'Final' } } } },
    ]);
    expect(config.sections).toEqual({ Security: { locked: true }, Rollout: { locked: true, required_from: 'Accepted' } });
    expect(notices.map((notice) => notice.message)).toEqual([
      `\`sections.Security.required_since: "2024-01-01"\` is ignored: the section "Security" is locked by ${ORG}, so every spec needs it.`,
      `\`sections.Rollout.required_from: "Final"\` is ignored: the section "Rollout" is locked by ${ORG}, so \`required_from: Accepted\` stays.`,
    ]);
  });

  test('three layers: a lock in the first holds against the second and the third', () => {
    const { config, notices } = mergeConfigLayers([
      { config: { sections: { Security: { locked: true, min_words: 10 } } }, source: 'org' },
      { config: { sections: { Security: { min_words: 30 } } }, source: 'team' },
      { config: { sections: { Security: { min_words: 15 } } }, source: 'repo' },
    ]);
    expect(config.sections).toEqual({ Security: { locked: true, min_words: 30 } });
    expect(notices).toEqual([expect.objectContaining({ key: 'sections.Security.min_words', message: expect.stringContaining('`min_words: 30` stays') })]);
  });

  test('values of the wrong shape pass through for the schema to report; _extends is dropped', () => {
    const { config } = mergeConfigLayers([{ config: { sections: { Security: { locked: true } } } }, { config: { _extends: '.github', sections: ['Security'] } }]);
    expect(config).toEqual({ sections: ['Security'] });
    expect(validateConfig(config).problems).toEqual([expect.objectContaining({ key: 'sections', message: '"sections" must be a mapping.' })]);
  });

  test("Probot's defaults function and its file list give the same layers, the most general first", () => {
    const org = parse(fixture('config/layers/org.yml'));
    const repo = parse(fixture('config/layers/repo-loosens.yml'));
    const files = [
      { owner: 'octo-org', repo: 'api', path: '.github/specgate.yml', config: repo },
      { owner: 'octo-org', repo: '.github', path: '.github/specgate.yml', config: org },
    ];
    const layers = configLayers(files);
    expect(layers.map((item) => item.source)).toEqual([ORG, 'octo-org/api:.github/specgate.yml']);
    expect(mergeLayers([org, repo])).toEqual(mergeConfigLayers(layers).config);
  });
});
