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

const durationUnits = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A length of time in words, in the UI language ("1 day", "36 hours", "2 天"): the largest
 * unit it is a whole number of; otherwise the largest unit below a day that it reaches,
 * rounded up, so the text never promises a shorter wait than the directory asks for.
 */
export function formatDuration(seconds: number, language: string): string {
  const whole = Math.max(1, Math.ceil(seconds));
  const [unit, size] =
    durationUnits.find(([u, s]) => u !== 'second' && whole >= s && whole % s === 0) ?? durationUnits.find(([u, s]) => u !== 'day' && whole >= s) ?? durationUnits[3];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(Math.ceil(whole / size));
}
