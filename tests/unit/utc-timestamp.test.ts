// Timestamps the list reads as UTC text (lib/db/utc-timestamp.ts) print as Date#toISOString
// would, and make cursors Postgres reads back to the microsecond.
import { describe, expect, it } from "vitest";
import { isIsoTimestamp } from "@/lib/api/dates";
import { utcInstant, utcIso } from "@/lib/db/utc-timestamp";

describe("utcIso", () => {
  it.each([
    ["2026-11-30T18:01:05.059107", "2026-11-30T18:01:05.059Z"],
    ["2026-11-30T18:01:05.059999", "2026-11-30T18:01:05.059Z"],
    ["2026-11-30T18:01:05.1", "2026-11-30T18:01:05.100Z"],
    ["2026-11-30T18:01:05.12", "2026-11-30T18:01:05.120Z"],
    ["2026-11-30T18:01:05.123", "2026-11-30T18:01:05.123Z"],
    ["2026-11-30T18:01:05", "2026-11-30T18:01:05.000Z"],
    ["2026-01-01T00:00:00.000001", "2026-01-01T00:00:00.000Z"],
  ])("prints %s as %s, the way a Date of the same instant does", (text, expected) => {
    expect(utcIso(text)).toBe(expected);
    // A Date of the same instant (Postgres' own text with its zone) agrees, milliseconds cut.
    expect(new Date(`${text}Z`).toISOString()).toBe(expected);
  });

  it("reads anything else through a Date", () => {
    expect(utcIso("2026-11-30T19:01:05.5+01:00")).toBe("2026-11-30T18:01:05.500Z");
  });
});

describe("utcInstant", () => {
  it("keeps the microseconds and names the zone, as a cursor needs", () => {
    expect(utcInstant("2026-11-30T18:01:05.059107")).toBe("2026-11-30T18:01:05.059107+00:00");
    expect(isIsoTimestamp(utcInstant("2026-11-30T18:01:05.059107"))).toBe(true);
    expect(isIsoTimestamp(utcInstant("2026-11-30T18:01:05"))).toBe(true);
  });
});
