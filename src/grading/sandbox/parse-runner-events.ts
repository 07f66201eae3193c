// Reads a harness runner's reports from the event channel: one JSON object per line, prefixed
// with the run's nonce. Lines without the nonce or that do not parse are ignored.
export function parseRunnerEvents(events: string, nonce: string): unknown[] {
  const reports: unknown[] = [];
  for (const line of events.split('\n')) {
    if (!line.startsWith(`${nonce} `)) continue;
    try {
      reports.push(JSON.parse(line.slice(nonce.length + 1)));
    } catch {
      // A cut-off last line (event cap) is not a report.
    }
  }
  return reports;
}
