// docker ps --filter name=VALUE. Real docker treats VALUE as a regular expression matched anywhere
// in the name; scripts use it as a substring, anchored with ^ and $ (and an optional leading /).
// We support exactly that and match everything else literally: candidate text is never compiled
// into a RegExp (an invalid one throws, a catastrophic one freezes the grader).
export function matchNameFilter(value: string, name: string): boolean {
  let pattern = value;
  const anchoredStart = pattern.startsWith('^');
  if (anchoredStart) pattern = pattern.slice(1);
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  const anchoredEnd = pattern.endsWith('$') && !pattern.endsWith('\\$');
  if (anchoredEnd) pattern = pattern.slice(0, -1);
  if (anchoredStart && anchoredEnd) return name === pattern;
  if (anchoredStart) return name.startsWith(pattern);
  if (anchoredEnd) return name.endsWith(pattern);
  return name.includes(pattern);
}
