// Splits a Markdown answer into the units a grader quotes back as evidence: sentences of prose,
// and each bullet, numbered item or heading on its own. Code fences are kept whole.
export type Sentence = { text: string; words: number };

const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;
const HEADING = /^\s*#{1,6}\s+/;

function wordsIn(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

export function splitSentences(answer: string): Sentence[] {
  const units: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) units.push(...splitProse(paragraph.join(' ')));
    paragraph = [];
  };
  let inFence = false;
  let fence: string[] = [];
  for (const line of answer.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*```/.test(line)) {
      if (inFence) {
        units.push(fence.join('\n'));
        fence = [];
      } else flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      fence.push(line);
    } else if (!line.trim()) {
      flush();
    } else if (LIST_MARKER.test(line) || HEADING.test(line)) {
      flush();
      paragraph.push(line.replace(LIST_MARKER, '').replace(HEADING, ''));
    } else {
      paragraph.push(line.trim());
    }
  }
  if (inFence && fence.length) units.push(fence.join('\n'));
  flush();
  return units.map((text) => text.trim()).filter(Boolean).map((text) => ({ text, words: wordsIn(text) }));
}

const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|cf|incl)\.$/i;

// Sentence ends: ., ! or ? followed by a space and a capital, digit or quote — so "e.g. 5% of
// users" and "5.5%" stay whole.
function splitProse(text: string): string[] {
  const pieces = text.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const last = sentences.length - 1;
    if (last >= 0 && ABBREVIATION.test(sentences[last]!)) sentences[last] += ` ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}
