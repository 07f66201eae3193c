// Turns `shellcheck -f json` output into one line of advice per finding, in line order. Advice
// never changes the score.
type Finding = { line: number; level: string; code: number; message: string };

export function parseShellcheck(json: string, max = 20): string[] {
  let findings: Finding[];
  try {
    const parsed: unknown = JSON.parse(json);
    findings = Array.isArray(parsed) ? (parsed as Finding[]) : [];
  } catch {
    return [];
  }
  const lines = findings
    .filter((f) => typeof f.line === 'number' && typeof f.message === 'string')
    .sort((a, b) => a.line - b.line)
    .map((f) => `line ${f.line}: SC${f.code} (${f.level}): ${f.message}`);
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more ShellCheck findings`] : lines;
}
