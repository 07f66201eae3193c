// A light suffix stripper, not a full Porter stemmer: enough that a phrasing matches its plurals
// and common inflections. Both the answer and the phrasings go through it, so a stem need not be
// a real word ("route", "routes", "routed", "routing" all become "rout"); it only has to be the
// same for every form. The families it folds, each to one stem:
//   plurals           flags, strategies, switches, processes
//   -ing / -ed        deploying, deployed; stopped, flagged (doubled consonant undone)
//   -ment             deployment, deployments -> deploy
//   -ation / -ate     integration, integrate, integrated -> integrat
//   -al / -e          approval, approve, approved -> approv
//   -ly               safely, safe -> saf; automatically, automatic -> automatic
// Irregular forms (built/build, ran/run) are not folded: list both as phrasings when they matter.

// Words an inflection rule would wrongly fold into another ("staging" is not "stage").
const KEEP = new Set(['staging', 'string', 'during', 'thing', 'nothing', 'something', 'anything', 'everything', 'always', 'news', 'series']);

// Consonants whose doubling is an inflection ("stopped"), not part of the word ("rolled", "passed").
const UNDOUBLE = /([bdgmnprt])\1$/;

function undouble(word: string): string {
  return word.length >= 4 ? word.replace(UNDOUBLE, '$1') : word;
}

function stripPlural(w: string): string {
  if (w.length < 4) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(ch|sh|x|z|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function stripInflection(w: string): string {
  if (w.endsWith('ing') && w.length >= 5) return undouble(w.slice(0, -3));
  // "need", "speed", "exceed": the -ed is part of the word.
  if (w.endsWith('ed') && !w.endsWith('eed') && w.length >= 4) return undouble(w.slice(0, -2));
  return w;
}

export function stem(word: string): string {
  if (word.length <= 2 || /\d/.test(word) || KEEP.has(word)) return word;
  let w = stripInflection(stripPlural(word));
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -3);
  if (w.endsWith('al') && w.length > 6) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 3) w = w.slice(0, -1);
  return w;
}
