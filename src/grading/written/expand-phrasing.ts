// A phrasing may offer simple alternatives, so a rubric stays short and readable:
//   "(small|tiny) (percentage|share) of traffic"  -> 4 phrasings
//   "(canary )?weight to zero"                    -> "canary weight to zero", "weight to zero"
//   "roll back|revert"                            -> "roll back", "revert"
// Groups are not nested and no alternative is empty (a "?" after a group makes it optional);
// anything else is taken literally.
import { roughTokens as normalize } from './analyze-text';

// More distinct variants than this from one line is a rubric that should be split. Variants are
// counted after normalisation ("flag|flags" is one), and expansion itself is bounded first.
export const MAX_VARIANTS = 200;
const MAX_RAW_VARIANTS = 5_000;

type Part = string | string[];

function parse(phrasing: string): Part[] | string {
  const parts: Part[] = [];
  let literal = '';
  let group: string[] | null = null;
  const chars = [...phrasing];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '(') {
      if (group) return 'Alternatives in ( ) cannot be nested.';
      parts.push(literal);
      literal = '';
      group = [];
    } else if (ch === ')') {
      if (!group) return 'There is a ")" without a matching "(".';
      group.push(literal);
      if (group.some((alt) => !alt.trim())) return 'An alternative between ( | ) is empty.';
      if (chars[i + 1] === '?') {
        group.push('');
        i++;
      }
      parts.push(group);
      literal = '';
      group = null;
    } else if (ch === '|' && group) {
      group.push(literal);
      literal = '';
    } else {
      literal += ch;
    }
  }
  if (group) return 'There is a "(" without a matching ")".';
  parts.push(literal);
  return parts;
}

function expandParsed(parts: Part[]): string[] {
  let variants = [''];
  for (const part of parts) {
    const options = typeof part === 'string' ? [part] : part;
    variants = variants.flatMap((v) => options.map((o) => v + o));
  }
  return variants.map((v) => v.replace(/\s+/g, ' ').trim());
}

function countVariants(parts: Part[]): number {
  return parts.reduce((n, part) => n * (typeof part === 'string' ? 1 : part.length), 1);
}

// Every rubric parse (each grading job parses its rubric) checks every phrasing: remember answers.
const problems = new Map<string, string | undefined>();
const MAX_REMEMBERED = 20_000;

// Why a phrasing cannot be used, in words an admin understands; undefined when it is fine.
export function phrasingProblem(phrasing: string): string | undefined {
  if (problems.has(phrasing)) return problems.get(phrasing);
  const problem = findProblem(phrasing);
  if (problems.size >= MAX_REMEMBERED) problems.clear();
  problems.set(phrasing, problem);
  return problem;
}

function findProblem(phrasing: string): string | undefined {
  const top = splitTopLevel(phrasing);
  if (top.some((alt) => !alt.trim())) return `"${phrasing}": an alternative around "|" is empty.`;
  const parsed: Part[][] = [];
  for (const alt of top) {
    const parts = parse(alt);
    if (typeof parts === 'string') return `"${phrasing}": ${parts}`;
    parsed.push(parts);
  }
  // "(against|with)": "with" is a filler the grader ignores, so the group would silently become
  // optional and the phrasing far looser than it reads.
  for (const parts of parsed) {
    for (const part of parts) {
      if (typeof part === 'string' || part.includes('')) continue;
      const ignored = part.find((alt) => normalize(alt).length === 0);
      if (ignored !== undefined) {
        return `"${phrasing}": "${ignored.trim()}" is a filler word the grader ignores, which makes "(${part.join('|')})" optional; drop it, or add "?" after the group if optional is meant.`;
      }
    }
  }
  const tooMany = `"${phrasing}" stands for more than ${MAX_VARIANTS} different phrasings; split it into several lines.`;
  const raw = parsed.reduce((n, parts) => n + countVariants(parts), 0);
  if (raw > MAX_RAW_VARIANTS) return tooMany;
  // A variant is empty only when every part can be: checked per part, not per variant.
  const isBlank = (text: string) => normalize(text).length === 0;
  const canBeEmpty = parsed.find((parts) => parts.every((part) => (typeof part === 'string' ? isBlank(part) : part.some(isBlank))));
  if (canBeEmpty) {
    const empty = expandParsed(canBeEmpty).find(isBlank);
    return `"${empty || phrasing}" has no word to match once filler words like "the" are ignored.`;
  }
  // Counting distinct variants needs every variant read; only when there could be too many.
  if (raw > MAX_VARIANTS && new Set(parsed.flatMap(expandParsed).map((v) => normalize(v).join(' '))).size > MAX_VARIANTS) return tooMany;
  return undefined;
}

// "|" outside parentheses separates whole alternatives.
function splitTopLevel(phrasing: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of phrasing) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      alternatives.push(current);
      current = '';
    } else current += ch;
  }
  alternatives.push(current);
  return alternatives;
}

// Every variant a phrasing stands for. Assumes phrasingProblem found nothing (RubricSchema checks);
// a malformed phrasing is used literally rather than throwing mid-grade.
export function expandPhrasing(phrasing: string): string[] {
  if (phrasingProblem(phrasing)) return [phrasing];
  return splitTopLevel(phrasing).flatMap((alt) => expandParsed(parse(alt) as Part[]));
}
