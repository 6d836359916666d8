// Strict date checks for values that end up cast in SQL: JavaScript's Date rolls an impossible
// day over (2026-02-31 becomes 3 March) and Date.parse accepts loose text ("1", "Tue"), where
// Postgres would refuse the cast with a server error. Anything not a real date is a 400.
import { z } from "zod";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// What `to_json(timestamptz) #>> '{}'` prints: 2026-11-30T11:19:31.123456+00:00.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** YYYY-MM-DD naming a day that exists. */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  return match ? isRealDay(Number(match[1]), Number(match[2]), Number(match[3])) : false;
}

/** An ISO timestamp with an explicit zone, as Postgres prints one, naming a real instant. */
export function isIsoTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  return (
    isRealDay(Number(match[1]), Number(match[2]), Number(match[3])) && hour < 24 && minute < 60 && second < 60
  );
}

export const calendarDaySchema = z
  .string()
  .regex(DAY, "must be a date like 2026-01-31")
  .refine(isCalendarDay, "must be a day that exists");
