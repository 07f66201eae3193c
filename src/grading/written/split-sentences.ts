// Splits a Markdown answer into the units a grader quotes back as evidence: sentences of prose,
// each bullet, numbered item, table row or heading on its own, and code fences whole. Markdown
// decoration (emphasis, inline code, link targets, quote markers) is dropped so the quote reads as
// plain text; the words are the candidate's own.
export type SentenceKind = 'prose' | 'item' | 'heading' | 'code';
export type Sentence = { text: string; words: number; kind: SentenceKind };

const FENCE = /^\s*(```|~~~)/;
const LIST_MARKER = /^\s*(?:[-*+•▪◦]|\d+[.)])\s+/;
const HEADING = /^\s*#{1,6}\s+/;
const QUOTE_MARKER = /^\s*(?:>\s?)+/;
const TABLE_ROW = /^\s*\|/;
const TABLE_RULE = /^\s*\|?[\s:|-]+\|?\s*$/;
const THEMATIC_BREAK = /^\s*(?:[-*_=]\s*){3,}$/;
// A paragraph of short lines with no punctuation at their ends is a list without bullets
// ("canary\nrollback\nmetrics"), not hard-wrapped prose, whose lines are longer.
const LINE_LIST_MIN_LINES = 2;
const LINE_LIST_MAX_WORDS = 8;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)(.+?)(?<=\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// Sentence ends: ., ! or ? (perhaps inside closing quotes or brackets) and then a space. "e.g."
// and "i.e." never end one; "etc." and "vs." only when a capital follows.
const ALWAYS_CONTINUES = /\b(?:e\.g|i\.e)\.$/i;
const CONTINUES_BEFORE_LOWER = /\b(?:etc|vs|approx|cf|incl|min|max|sec)\.$/i;

function splitProse(text: string): string[] {
  const sentences: string[] = [];
  for (const piece of text.split(/(?<=[.!?]["'”’)\]]*)\s+/)) {
    const last = sentences.length - 1;
    const previous = sentences[last];
    if (previous !== undefined && (ALWAYS_CONTINUES.test(previous) || (CONTINUES_BEFORE_LOWER.test(previous) && /^[\p{Ll}\p{N}]/u.test(piece)))) {
      sentences[last] = `${previous} ${piece}`;
    } else sentences.push(piece);
  }
  return sentences;
}

function isLineList(lines: string[]): boolean {
  return lines.length >= LINE_LIST_MIN_LINES && lines.every((line) => countWords(line) <= LINE_LIST_MAX_WORDS && !/[.!?,;:]$/.test(line));
}

export function splitSentences(answer: string): Sentence[] {
  const units: { text: string; kind: SentenceKind }[] = [];
  let paragraph: string[] = [];
  let paragraphKind: SentenceKind = 'prose';
  const flush = () => {
    const lines = paragraph.map(plain).filter(Boolean);
    if (paragraphKind === 'prose' && isLineList(lines)) lines.forEach((text) => units.push({ text, kind: 'item' }));
    else if (lines.length) splitProse(lines.join(' ')).forEach((text) => units.push({ text, kind: paragraphKind }));
    paragraph = [];
    paragraphKind = 'prose';
  };

  let fence: string[] | null = null;
  for (const rawLine of answer.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(rawLine)) {
      if (fence) {
        units.push({ text: fence.join('\n'), kind: 'code' });
        fence = null;
      } else {
        flush();
        fence = [];
      }
      continue;
    }
    if (fence) {
      fence.push(rawLine);
      continue;
    }
    const line = rawLine.replace(QUOTE_MARKER, '');
    if (!line.trim() || THEMATIC_BREAK.test(line)) {
      flush();
    } else if (HEADING.test(line)) {
      flush();
      units.push({ text: plain(line.replace(HEADING, '').replace(/\s#+\s*$/, '')), kind: 'heading' });
    } else if (TABLE_ROW.test(line)) {
      flush();
      if (!TABLE_RULE.test(line)) {
        const cells = line.trim().replace(/^\||\|$/g, '').split('|').map(plain).filter(Boolean);
        units.push({ text: cells.join(' | '), kind: 'item' });
      }
    } else if (LIST_MARKER.test(line)) {
      flush();
      paragraph.push(line.replace(LIST_MARKER, ''));
      paragraphKind = 'item';
    } else {
      paragraph.push(line.trim());
    }
  }
  if (fence?.length) units.push({ text: fence.join('\n'), kind: 'code' });
  flush();
  return units
    .map(({ text, kind }) => ({ text: text.trim(), kind }))
    .filter(({ text }) => text)
    .map(({ text, kind }) => ({ text, words: countWords(text), kind }));
}
