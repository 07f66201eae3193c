// How a mock interview's finish stood against its clock, from the server's own times (`endsAt`
// fixed at the start, `finishedAt` when the finish arrived). Client-safe and pure: the report
// shows it, the finish verb answers with it.

// A finish this soon after `endsAt` is on time: the page submits at 0:00 and the request still
// has to travel.
export const FINISH_GRACE_SECONDS = 30;

// Whole seconds past `endsAt` when the finish came after the grace; 0 when it was on time.
export function secondsLate({ endsAt, finishedAt }: { endsAt: Date; finishedAt: Date }): number {
  const late = Math.floor((finishedAt.getTime() - endsAt.getTime()) / 1000);
  return late > FINISH_GRACE_SECONDS ? late : 0;
}

// "45 s", "1 min 9 s", "3 h 2 min": a late finish can come back the next day.
export function formatLateness(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours) return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${rest} s`;
}

export function describeMockTime(session: { minutes: number; startedAt: Date; endsAt: Date; finishedAt: Date }): string {
  const late = secondsLate(session);
  if (late) return `Finished ${formatLateness(late)} after the time limit (${session.minutes} minutes); the answers are kept and graded all the same.`;
  if (session.finishedAt >= session.endsAt) return `Finished at the time limit (${session.minutes} minutes).`;
  const took = Math.max(1, Math.round((session.finishedAt.getTime() - session.startedAt.getTime()) / 60_000));
  return `Finished in about ${Math.min(took, session.minutes)} of ${session.minutes} minutes.`;
}
