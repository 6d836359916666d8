// Formatting for the console: fixed locale and UTC, so server and browser render the same text.
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const NUMBER = new Intl.NumberFormat("en-US");

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "—" : `${DATE_TIME.format(date)} UTC`;
}

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

export function formatSigned(value: number): string {
  return value > 0 ? `+${NUMBER.format(value)}` : NUMBER.format(value);
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}
