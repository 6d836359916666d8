// Timestamps read as UTC text. `created_at at time zone 'UTC'` in JSON prints as
// 2026-11-30T18:01:05.059107: to the microsecond (a JS Date keeps milliseconds), with no zone,
// whatever the session's time zone. Turning that into the API's ISO form is string work, where
// a Date costs a parse and a format for every timestamp of every row of a page.

/** UTC wall-clock time as Postgres prints a `timestamp` in JSON: `2026-11-30T18:01:05.059107`. */
export type UtcTimestamp = string;

const UTC_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;

/** The API's form, as Date#toISOString prints it (milliseconds, cut, not rounded, and a Z). */
export function utcIso(text: UtcTimestamp): string {
  if (!UTC_TEXT.test(text)) return new Date(text).toISOString();
  if (text.length === 19) return `${text}.000Z`;
  return `${`${text}00`.slice(0, 23)}Z`;
}

/** The instant to the microsecond with its zone, for a keyset cursor (lib/api/keyset-cursor.ts). */
export function utcInstant(text: UtcTimestamp): string {
  return `${text}+00:00`;
}
