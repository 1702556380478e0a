/** Locale-aware formatting in the current UI language (never the OS default). */

/** A time, with the date too when it is not today ("3:45 PM" / "Jan 5, 3:45 PM"). */
export function formatTime(iso: string, language: string, now: Date = new Date()): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const sameDay = when.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(language, options).format(when);
}

/** A calendar date ("Jan 5, 2026" / "2026年1月5日"). */
export function formatDate(iso: string, language: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(when);
}

/** A date and time, for the demo inbox. */
export function formatDateTime(iso: string, language: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(when);
}
