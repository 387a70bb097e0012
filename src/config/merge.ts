/**
 * Layered configuration: an organisation's `.github` repository (or any `_extends` target) under a
 * repository's own file. Probot's loader merges layers shallowly, so a repository's `sections`
 * would replace the organisation's whole map; here `sections` merge section by section and key
 * by key, and a section an earlier layer marks `locked: true` can be tightened but not loosened.
 */

/** A setting a later layer tried to loosen, kept at the earlier layer's value. */
export interface ConfigNotice {
  /** The key path, as in `sections.Security.required`. */
  key: string;
  message: string;
}

export interface ConfigLayer {
  config: Record<string, unknown>;
  /** Where the layer came from, for notices (`octo-org/.github:.github/specgate.yml`). */
  source?: string;
}

export interface MergedConfig {
  config: Record<string, unknown>;
  notices: ConfigNotice[];
}

type SectionSettings = Record<string, unknown>;

const ADDITIVE_KEYS = ['aliases', 'must_contain', 'forbid'] as const;

/**
 * Merges layers in order, the most general first (the order Probot's `defaults` function gets
 * them). Keys other than `sections` are replaced by later layers, as Probot does; `_extends` is
 * dropped. Values of the wrong shape are passed through for the schema to report.
 */
export function mergeConfigLayers(layers: readonly ConfigLayer[]): MergedConfig {
  const notices: ConfigNotice[] = [];
  const merged: Record<string, unknown> = {};
  /** Locked sections so far: their settings, and the layer that locked them. */
  const locks = new Map<string, { settings: SectionSettings; source: string | undefined }>();

  for (const layer of layers) {
    if (!isMapping(layer.config)) continue;
    const { _extends: _ignored, sections, ...rest } = layer.config;
    Object.assign(merged, rest);
    if (sections === undefined) continue;
    if (!isMapping(sections) || !isMapping(merged.sections ?? {})) {
      merged.sections = sections;
      continue;
    }
    const into: Record<string, unknown> = { ...((merged.sections as Record<string, unknown> | undefined) ?? {}) };
    for (const [name, value] of Object.entries(sections)) {
      const before = into[name];
      if (!isMapping(value) || (before !== undefined && !isMapping(before))) {
        into[name] = value;
        continue;
      }
      const lock = locks.get(name);
      const accepted = lock ? enforceLock(name, value, lock.settings, lock.source, layer.source, notices) : value;
      into[name] = { ...(before as SectionSettings | undefined), ...accepted };
      // Under a lock, more aliases, more kinds of content asked for and more forbidden phrases add to the earlier layer's.
      for (const key of lock ? ADDITIVE_KEYS : []) {
        if (Array.isArray(accepted[key]) && before && Array.isArray((before as SectionSettings)[key])) {
          (into[name] as SectionSettings)[key] = [...new Set([...((before as SectionSettings)[key] as unknown[]), ...(accepted[key] as unknown[])])];
        }
      }
    }
    merged.sections = into;
    // Locks take effect for the layers after the one that sets them.
    for (const [name, value] of Object.entries(into)) {
      if (isMapping(value) && value.locked === true && !locks.has(name)) locks.set(name, { settings: value, source: layer.source });
    }
    for (const [name, lock] of locks) if (isMapping(into[name])) lock.settings = into[name] as SectionSettings;
  }
  return { config: merged, notices };
}

/**
 * The locking rule, for one section of a later layer: `required: false`, a lower `min_words`, a
 * higher `max_unchecked`, another `must_mention`, `required_from` or `required_since`, and
 * `locked: false` are dropped with a notice;
 * everything else (tightening, aliases, more `must_contain` and `forbid`) stays.
 */
export function enforceLock(
  name: string,
  settings: SectionSettings,
  locked: SectionSettings,
  lockedBy: string | undefined,
  from: string | undefined,
  notices: ConfigNotice[],
): SectionSettings {
  const kept: SectionSettings = { ...settings };
  const by = lockedBy ? ` by ${lockedBy}` : ' by the inherited configuration';
  const where = from ? ` in ${from}` : '';
  const ignore = (key: string, value: unknown, stays: string): void => {
    delete kept[key];
    notices.push({
      key: `sections.${name}.${key}`,
      message: `\`sections.${name}.${key}: ${JSON.stringify(value)}\`${where} is ignored: the section "${name}" is locked${by}, so ${stays}.`,
    });
  };
  if (settings.required === false && locked.required !== false) {
    ignore('required', false, locked.required === true ? '`required: true` stays' : 'it stays as required as the template makes it');
  }
  const floor = typeof locked.min_words === 'number' ? locked.min_words : 0;
  if (typeof settings.min_words === 'number' && settings.min_words < floor) {
    ignore('min_words', settings.min_words, `\`min_words: ${floor}\` stays`);
  }
  if (typeof settings.max_unchecked === 'number' && typeof locked.max_unchecked === 'number' && settings.max_unchecked > locked.max_unchecked) {
    ignore('max_unchecked', settings.max_unchecked, `\`max_unchecked: ${locked.max_unchecked}\` stays`);
  }
  // Any one of the phrases satisfies must_mention, so another list could loosen it.
  if (settings.must_mention !== undefined && locked.must_mention !== undefined && JSON.stringify(settings.must_mention) !== JSON.stringify(locked.must_mention)) {
    ignore('must_mention', settings.must_mention, `\`must_mention: ${JSON.stringify(locked.must_mention)}\` stays`);
  }
  // A status or a date from which on the section is required lets earlier specs leave it out.
  for (const key of ['required_from', 'required_since'] as const) {
    if (settings[key] !== undefined && settings[key] !== locked[key]) {
      ignore(key, settings[key], locked[key] === undefined ? 'every spec needs it' : `\`${key}: ${String(locked[key])}\` stays`);
    }
  }
  if (settings.locked === false) ignore('locked', false, 'it stays locked');
  return kept;
}

/**
 * Probot's `defaults` function form: it gets the layers' configurations, the most general first,
 * and its result is the configuration. Probot alone would merge shallowly (`Object.assign`).
 */
export function mergeLayers(configs: object[]): Record<string, unknown> {
  return mergeConfigLayers(configs.map((config) => ({ config: config as Record<string, unknown> }))).config;
}

/** The files Probot read (the repository's first) as layers, the most general first, named for notices. */
export function configLayers(files: ReadonlyArray<{ owner: string; repo: string; path: string; config: object | null }>): ConfigLayer[] {
  return files
    .filter((file) => file.config !== null)
    .reverse()
    .map((file) => ({ config: file.config as Record<string, unknown>, source: `${file.owner}/${file.repo}:${file.path}` }));
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
