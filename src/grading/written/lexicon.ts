// The domain lexicon: folds the many ways one thing is written to one form, the same way for an
// answer and for a rubric phrasing, so "five per cent", "5 %" and "one in twenty" all read as
// "5 percent", "behaviour" as "behavior", "30d" as "30 day", "LB" as "load balancer".
// Words arrive lower-case and already lemmatised by wink-nlp; the output is a word sequence that
// the stemmer then folds further (src/grading/written/stem.ts).

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, nought: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90, hundred: 100,
};
// "a twentieth", "one fifth".
const FRACTION_WORDS: Record<string, number> = { half: 2, third: 3, quarter: 4, fifth: 5, tenth: 10, twentieth: 20, hundredth: 100 };

// Spellings that no rule below folds.
const SPELLINGS: Record<string, string> = {
  labelled: 'labeled', labelling: 'labeling', modelled: 'modeled', modelling: 'modeling', cancelled: 'canceled', cancelling: 'canceling',
  signalled: 'signaled', signalling: 'signaling', travelled: 'traveled', levelled: 'leveled', fuelled: 'fueled', channelled: 'channeled',
  catalogue: 'catalog', catalogues: 'catalog', programme: 'program', programmes: 'program', centre: 'center', centres: 'center',
  grey: 'gray', licence: 'license', defence: 'defense', judgement: 'judgment', whilst: 'while', amongst: 'among', towards: 'toward',
  storey: 'story', artefact: 'artifact', artefacts: 'artifact',
};
const OUR_EXCEPTIONS = new Set(['hour', 'hours', 'four', 'your', 'yours', 'tour', 'tours', 'pour', 'sour', 'flour', 'our', 'ours', 'devour', 'detour', 'contour', 'contours']);

// British to American, by rule where a rule is safe: colour, behaviour; organise, optimisation; analyse.
export function americanSpelling(word: string): string {
  const known = SPELLINGS[word];
  if (known) return known;
  if (word.length >= 6 && !OUR_EXCEPTIONS.has(word) && /our(s|ed|ing|ite|ites|able)?$/.test(word)) return word.replace(/our(s|ed|ing|ite|ites|able)?$/, 'or$1');
  if (word.length >= 6 && /[^aeiouw]is(e|ed|es|ing|ation|ations|er|ers)$/.test(word)) return word.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1');
  if (/ys(e|ed|es|ing)$/.test(word)) return word.replace(/ys(e|ed|es|ing)$/, 'yz$1');
  return word;
}

// Abbreviations and synonyms, each to one canonical word sequence. Keys are word sequences.
const SYNONYMS: Record<string, string> = {
  'per cent': 'percent', pct: 'percent', '%': 'percent',
  prod: 'production', env: 'environment', envs: 'environment', db: 'database', dbs: 'database', lb: 'load balancer', lbs: 'load balancer',
  k8s: 'kubernetes', svc: 'service', svcs: 'service', req: 'request', reqs: 'request', rps: 'request per second', qps: 'request per second',
  deps: 'dependency', dep: 'dependency', config: 'configuration', configs: 'configuration', infra: 'infrastructure',
  repo: 'repository', repos: 'repository', pr: 'pull request', prs: 'pull request', mr: 'pull request', mrs: 'pull request',
  'merge request': 'pull request', ff: 'feature flag', ffs: 'feature flag', toggle: 'flag', toggles: 'flag', toggled: 'flagged',
  'w/': 'with', 'w/o': 'without', 'w /': 'with', 'w / o': 'without', 'b/g': 'blue green', bluegreen: 'blue green', e2e: 'end to end', rm: 'remove', ts: 'timestamp',
  ci: 'continuous integration', cdelivery: 'continuous delivery', cdeployment: 'continuous deployment',
  revert: 'roll back', reverts: 'roll back', reverted: 'roll back', reverting: 'roll back',
  rollback: 'roll back', rollbacks: 'roll back', rollout: 'roll out', rollouts: 'roll out', switchback: 'switch back',
  cutover: 'cut over', failover: 'fail over', killswitch: 'kill switch', signoff: 'sign off', setup: 'set up', cleanup: 'clean up',
  lifecycle: 'life cycle', preprod: 'pre production', nondeterministic: 'non deterministic', 'non-deterministic': 'non deterministic',
  twice: 'double', '2x': 'double', 'two times': 'double', doubled: 'double', doubles: 'double',
  'statistically significant': 'statistical significance', stats: 'statistic', sig: 'significance',
  secs: 'second', sec: 'second', mins: 'minute', min: 'minute', hrs: 'hour', hr: 'hour', wk: 'week', wks: 'week',
  'auto rollback': 'automatic roll back', 'auto-rollback': 'automatic roll back', 'auto promote': 'automatic promote',
  ok: 'okay', 'o.k.': 'okay',
  // Shorthand an engineer writes in notes (2026-12-03 review: "err budget", "Comms:", "SMEs",
  // "our PG db", "is the proc wedged"). "pg" before a catalog or tool name stays "pg", so a
  // phrasing "pg stat activity" still reads like an answer's "pg_stat_activity".
  err: 'error', errs: 'error', comms: 'communications', sme: 'subject matter expert', smes: 'subject matter expert',
  pg: 'postgres', postgresql: 'postgres', proc: 'process', procs: 'process', contractual: 'contract', contractually: 'contract',
  'pg stat': 'pg stat', 'pg locks': 'pg locks', 'pg lock': 'pg lock', 'pg blocking': 'pg blocking', 'pg cancel': 'pg cancel', 'pg terminate': 'pg terminate',
  'pg dump': 'pg dump', 'pg restore': 'pg restore', 'pg repack': 'pg repack', 'pg upgrade': 'pg upgrade',
  mem: 'memory', conn: 'connection', conns: 'connection', perf: 'performance', mgmt: 'management', resp: 'response',
  // Everyday ways of saying the same thing (both the answer and the phrasings fold this way).
  'straight away': 'immediately', 'right away': 'immediately', instantly: 'immediately', instant: 'immediately', immediate: 'immediately',
  'in one go': 'at once', 'in a single step': 'at once', 'in one step': 'at once', 'in a single go': 'at once', 'all in one go': 'all at once', simultaneously: 'at once',
  automated: 'automatic', automate: 'automatic', automates: 'automatic', automating: 'automatic', automation: 'automatic', auto: 'automatic', automatically: 'automatic',
  beforehand: 'in advance', upfront: 'in advance', 'up front': 'in advance', 'up-front': 'in advance', 'ahead of time': 'in advance',
  'pre - agreed': 'agree in advance', 'pre - defined': 'define in advance', predefined: 'define in advance', 'pre - set': 'set in advance', preset: 'set in advance',
  'pre-agreed': 'agree in advance', 'pre-defined': 'define in advance', 'pre-set': 'set in advance', 'pre-agree': 'agree in advance',
  'pre - agree': 'agree in advance', preagreed: 'agree in advance', 'agreed beforehand': 'agree in advance',
  fortnight: '14 day', fortnights: '14 day', 'a fortnight': '14 day',
  'a handful of': 'few', 'handful of': 'few', 'a couple of': 'few',
};
const SYNONYM_TABLE = new Map<string, { from: string[]; to: string[] }[]>();
for (const [from, to] of Object.entries(SYNONYMS)) {
  const words = from.split(' ');
  const list = SYNONYM_TABLE.get(words[0]!) ?? [];
  list.push({ from: words, to: to.split(' ') });
  list.sort((a, b) => b.from.length - a.from.length);
  SYNONYM_TABLE.set(words[0]!, list);
}

// "30d", "2wk", "1h", "500ms".
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|wk|wks|mo)$/;
const DURATION_UNITS: Record<string, string> = {
  ms: 'millisecond', s: 'second', sec: 'second', secs: 'second', m: 'minute', min: 'minute', mins: 'minute', h: 'hour', hr: 'hour', hrs: 'hour',
  d: 'day', day: 'day', days: 'day', w: 'week', wk: 'week', wks: 'week', mo: 'month',
};

const TENS = new Set([20, 30, 40, 50, 60, 90]);
const UNITS_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
// "seventy", "eighty" for compounds ("ninety-five").
NUMBER_WORDS.seventy = 70;
NUMBER_WORDS.eighty = 80;
TENS.add(70);
TENS.add(80);

function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

const percent = (n: number) => [String(Math.round(n * 10) / 10), 'percent'];

// A number written in words may be a compound: "ninety-five", "twenty five".
function numberAt(words: string[], i: number): { n: number; take: number } | undefined {
  const n = numberOf(words[i]);
  if (n === undefined) return undefined;
  if (TENS.has(n) && NUMBER_WORDS[words[i]!] !== undefined) {
    const j = words[i + 1] === '-' ? i + 2 : i + 1;
    const unit = UNITS_WORDS[words[j] ?? ''];
    if (unit !== undefined) return { n: n + unit, take: j + 1 - i };
  }
  return { n, take: 1 };
}

// One step at position i: how many input words it consumes and what it yields.
function step(all: string[], i0: number): { take: number; out: string[] } {
  // "one-in-twenty", "ninety-five": hyphens between number words only join them.
  const compound = numberAt(all, i0);
  if (compound && compound.take > 1) {
    const rest = [String(compound.n), ...all.slice(i0 + compound.take)];
    const inner = step(rest, 0);
    return { take: compound.take - 1 + inner.take, out: inner.out };
  }
  const words = all[i0 + 1] === '-' && all[i0 + 2] === 'in' && numberOf(all[i0]) !== undefined ? [all[i0]!, ...all.slice(i0 + 2).filter((w, k) => !(k === 1 && w === '-'))] : null;
  if (words) {
    const inner = step(words, 0);
    // Consumed words in `words` map back with the two hyphens dropped.
    return { take: inner.take + (inner.take >= 2 ? 1 : 0) + (inner.take >= 3 ? 1 : 0), out: inner.out };
  }
  return stepPlain(all, i0);
}

function stepPlain(words: string[], i: number): { take: number; out: string[] } {
  const w = words[i]!;
  const next = words[i + 1];
  if (w === 'half' && next === 'a' && (words[i + 2] === 'percent' || (words[i + 2] === 'per' && words[i + 3] === 'cent'))) return { take: words[i + 2] === 'per' ? 4 : 3, out: ['0.5', 'percent'] };
  // Fractions written out: "1/20", "1 in 20", "one out of twenty", "a twentieth", "one fifth".
  const slash = /^(\d+)\/(\d+)$/.exec(w);
  if (slash && Number(slash[1]) < Number(slash[2])) return { take: 1, out: percent((100 * Number(slash[1])) / Number(slash[2])) };
  // The tokenizer parts "5xx" into "5" "xx" in most contexts but not in "non-5xx": one form.
  if (/^[1-5]$/.test(w) && next === 'xx') return { take: 2, out: [`${w}xx`] };
  const n = numberOf(w);
  if (n !== undefined) {
    if (next === '/' || next === 'in') {
      const m = numberOf(words[i + 2]);
      if (m !== undefined && m > n && m >= 2) return { take: 3, out: percent((100 * n) / m) };
    }
    if (next === 'out' && words[i + 2] === 'of') {
      const m = numberOf(words[i + 3]);
      if (m !== undefined && m > n) return { take: 4, out: percent((100 * n) / m) };
    }
    if (next !== undefined && FRACTION_WORDS[next] && n < FRACTION_WORDS[next]!) return { take: 2, out: percent((100 * n) / FRACTION_WORDS[next]!) };
    if (next === 'per' && words[i + 2] === 'cent') return { take: 3, out: percent(n) };
    if (next === 'x' && n === 2) return { take: 2, out: ['double'] };
    // "30 d", "2 wks" (the tokenizer may part "30d").
    // "30 m" is minutes when it could be (a bake time), not a million.
    if (next !== undefined && (next !== 'm' || n <= 120) && DURATION_UNITS[next]) return { take: 2, out: [String(n), DURATION_UNITS[next]!] };
    return { take: 1, out: [String(n)] };
  }
  if (w === 'a' && next !== undefined && FRACTION_WORDS[next] && words[i + 2] !== '-') return { take: 2, out: percent(100 / FRACTION_WORDS[next]!) };
  if (w === 'half' && next !== '-' && words[i - 1] !== '-') return { take: 1, out: percent(50) };
  const duration = DURATION.exec(w);
  if (duration) return { take: 1, out: [String(Number(duration[1])), DURATION_UNITS[duration[2]!]!] };
  const times = /^(\d+)x$/.exec(w);
  if (times) return { take: 1, out: times[1] === '2' ? ['double'] : [times[1]!, 'times'] };
  for (const { from, to } of SYNONYM_TABLE.get(w) ?? []) {
    if (from.every((f, k) => words[i + k] === f)) return { take: from.length, out: to };
  }
  return { take: 1, out: [w] };
}

// Folds a word sequence; `sources[k]` is the index of the input word output word k came from.
export function applyLexicon(words: string[]): { words: string[]; sources: number[] } {
  const out: string[] = [];
  const sources: number[] = [];
  for (let i = 0; i < words.length; ) {
    const { take, out: produced } = step(words, i);
    for (const p of produced) {
      out.push(p);
      sources.push(i);
    }
    i += take;
  }
  return { words: out, sources };
}
