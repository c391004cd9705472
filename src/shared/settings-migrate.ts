/**
 * Lifts a stored record of any earlier version to the current shape, one version at a time, so
 * each step stays small and a record several versions old still arrives. The result is not yet
 * trusted: sanitizeSettings() checks every field afterwards.
 */
import { SETTINGS_VERSION } from './settings-defaults';

type RawRecord = Record<string, unknown>;

/** `MIGRATIONS[n]` turns a version-n record into a version-(n+1) record. */
const MIGRATIONS: Record<number, (record: RawRecord) => RawRecord> = {
  /**
   * Version 0 (the prototype) stored only `{ on: boolean }`. Its switch is today's `enabled`;
   * everything it did not know takes its default.
   */
  0: (record) => {
    const { on, ...rest } = record;
    return { ...rest, version: 1, enabled: on };
  },
};

/**
 * A record's version: its `version` field when that is a whole number; 0 for the prototype's
 * `{on}` shape, which had none; otherwise the current version (a record of unknown age is
 * read field by field as it is).
 */
export function recordVersion(record: RawRecord): number {
  const version = record.version;
  if (typeof version === 'number' && Number.isInteger(version) && version >= 0) return version;
  if (!Object.hasOwn(record, 'version') && Object.hasOwn(record, 'on')) return 0;
  return SETTINGS_VERSION;
}

/**
 * Runs every migration from the record's version up to the current one. A record from a newer
 * version (synced from another machine with a later Backstory) is left as it is: the fields
 * this version knows are still read, the rest ignored.
 */
export function migrateSettings(record: RawRecord): RawRecord {
  let current = record;
  for (let version = recordVersion(record); version < SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
  }
  return current;
}
