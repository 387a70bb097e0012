import { metadataField, type MetadataField } from './metadata.js';
import type { SpecDocument } from './types.js';

export const DEFAULT_DATE_KEYS: readonly string[] = ['created', 'start-date', 'date'];

/** The spec's own date as `YYYY-MM-DD`, with where it was read; undefined when it states none we can read. */
export function specDate(document: SpecDocument, keys: readonly string[]): (MetadataField & { day: string }) | undefined {
  const field = metadataField(document, keys);
  const day = field && calendarDay(field.value);
  return field && day ? { ...field, day } : undefined;
}

/**
 * A date as specs write it (`2019-03-10`, `2019/03/10`, `2019-03-10T12:00:00Z`, `2019-03`) to
 * `YYYY-MM-DD`, which compares as a string. A month alone stands for its first day.
 */
export function calendarDay(text: string): string | undefined {
  const match = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?![\d/-])/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day = '1'] = [match[1]!, match[2]!, match[3]];
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
