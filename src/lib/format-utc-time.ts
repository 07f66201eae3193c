// A moment as every page shows it: "3 Dec 2026, 05:41", in UTC on the server and in every browser
// alike (a local time would differ between a server render and its hydration). Callers say "UTC".
export function formatUtcTime(date: Date | string): string {
  return new Date(date).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
}
