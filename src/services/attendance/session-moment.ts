// A class session's start and end as instants: its day and times are Beijing time (UTC+8, no DST).
export function sessionInstants(s: { day: string | Date; starts_at: string; ends_at: string }): { start: Date; end: Date } {
  const day = typeof s.day === 'string' ? s.day.slice(0, 10) : new Date(s.day.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const at = (t: string) => new Date(`${day}T${t.length === 5 ? `${t}:00` : t.slice(0, 8)}+08:00`);
  return { start: at(s.starts_at), end: at(s.ends_at) };
}

/**
 * Attended hours a signed span proves: the part of [in, out] inside the session, as a share of the
 * session's class hours (a trainee who stayed half the session attended half its hours), to 0.01 h.
 */
export function hoursFromSpan(
  session: { day: string | Date; starts_at: string; ends_at: string; hours: number | string },
  signedIn: Date,
  signedOut: Date,
): number {
  const { start, end } = sessionInstants(session);
  const length = end.getTime() - start.getTime();
  if (length <= 0) return 0;
  const from = Math.max(start.getTime(), signedIn.getTime());
  const to = Math.min(end.getTime(), signedOut.getTime());
  const share = Math.max(0, to - from) / length;
  return Math.round(Number(session.hours) * share * 100) / 100;
}
