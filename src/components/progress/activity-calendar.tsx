// Attempts per day as a grid of squares (one column per week); each square says its day and
// count to screen readers.
const shade = (n: number) =>
  n === 0 ? 'bg-slate-200 dark:bg-slate-700' : n < 3 ? 'bg-emerald-300 dark:bg-emerald-700' : n < 6 ? 'bg-emerald-500' : 'bg-emerald-700 dark:bg-emerald-400';

export function ActivityCalendar({ days }: { days: { day: string; attempts: number }[] }) {
  return (
    <ol className="grid w-max grid-flow-col grid-rows-7 gap-1" aria-label="Attempts per day" data-testid="activity-calendar">
      {days.map((d) => (
        <li key={d.day} className={`h-3.5 w-3.5 rounded-sm ${shade(d.attempts)}`} title={`${d.day}: ${d.attempts}`}>
          <span className="sr-only">
            {d.day}: {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
          </span>
        </li>
      ))}
    </ol>
  );
}
