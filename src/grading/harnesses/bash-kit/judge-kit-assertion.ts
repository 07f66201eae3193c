// Decides one assertion of a Bash world kit check against the end of a scenario: its exit
// status, the calls the grader answered, the events its world recorded and the world's final
// state. Returns the assertion's reason when it does not hold, null when it does. Every match
// is literal (equality, prefix, substring): nothing from the script is compiled.
import { ownLines } from '../bash-deploy/call-facts';
import { findContainer, normalizeRef } from '../bash-deploy/deploy-world';
import type { ScenarioObservation } from '../bash-deploy/relay-session';
import { JAIL_WORK_DIR } from '../../sandbox/sandbox-driver';
import { scenariosRead, type Assertion, type BashKitSpec, type CallMatcher, type SingleAssertion } from './bash-kit-spec';
import { currentImage, type KitWorld } from './kit-world';

type Observation = ScenarioObservation<KitWorld>;

// An event's first words are `prefix`: "curl URL" is the start of "curl URL 503", not of
// "curl URLX refused", where the script wrote URLX (a URL the fake does not know).
const startsWithWords = (text: string, prefix: string) => text === prefix || text.startsWith(prefix.endsWith(' ') ? prefix : `${prefix} `);

const eventMatches = (text: string, matcher: { event: string; prefix: boolean }) => (matcher.prefix ? startsWithWords(text, matcher.event) : text === matcher.event);

// Positions (in calls the world answered) of the calls a matcher picks out, in order.
function positions(o: Observation, matcher: CallMatcher | undefined): number[] {
  if (matcher && 'anyOf' in matcher) return [...new Set(matcher.anyOf.flatMap((m) => positions(o, m)))].sort((a, b) => a - b);
  if (!matcher) return o.calls.filter((c) => !c.requestTruncated).map((_, i) => i);
  // Sorted: an event recorded once its answer came (a configuration test that reads the tree) can
  // follow one of a later call.
  if ('event' in matcher) return o.world.events.filter((e) => eventMatches(e.text, matcher)).map((e) => e.call).sort((a, b) => a - b);
  const found: number[] = [];
  let answered = 0;
  for (const call of o.calls) {
    if (call.requestTruncated) continue;
    // The tool itself first, then the other words in order, anywhere after it.
    let next = call.argv[0] === matcher.argv[0] ? 1 : 0;
    if (next === 1) for (const arg of call.argv.slice(1)) if (next < matcher.argv.length && arg === matcher.argv[next]) next++;
    if (next === matcher.argv.length) found.push(answered);
    answered++;
  }
  return found;
}

const ownLower = (o: Observation) => ownLines(o).map((line) => line.toLowerCase());
// The words of a log-all no own line holds, and of a log-none an own line holds (outside a line
// that also holds one of its `unless` words).
const missingWords = (words: readonly string[], o: Observation) => {
  const lines = ownLower(o);
  return words.filter((word) => !lines.some((line) => line.includes(word.toLowerCase())));
};
const foundWords = (words: readonly string[], unless: readonly string[], o: Observation) => {
  const lines = ownLower(o).filter((line) => !unless.some((word) => line.includes(word.toLowerCase())));
  return words.filter((word) => lines.some((line) => line.includes(word.toLowerCase())));
};

const sleeps = (o: Observation) => o.world.events.filter((e) => e.text.startsWith('sleep ')).map((e) => Number(e.text.slice('sleep '.length)));

function finalTree(o: Observation) {
  const final = o.world.tree?.final;
  if (!final) throw new Error('this scenario has no scratch tree to read');
  return final;
}

type FinalTree = ReturnType<typeof finalTree>;
// As many links as the kernel follows in one path.
const MAX_LINK_HOPS = 40;

// Where `target`, written in the directory `dir` (steps under /work), leads inside the final
// tree, as readlink -f finds it: "." and ".." taken, every link on the way followed, an absolute
// target read from /work. Null when it leaves /work or loops. Either spelling of the same file
// (../upstreams/blue.conf, /work/nginx/upstreams/blue.conf) leads to the same path.
function resolveInTree(tree: FinalTree, dir: string[], target: string): string | null {
  let hops = 0;
  const walk = (base: string[], text: string): string[] | null => {
    let steps: string[];
    if (!text.startsWith('/')) steps = [...base, ...text.split('/')];
    else if (text === JAIL_WORK_DIR || text.startsWith(`${JAIL_WORK_DIR}/`)) steps = text.slice(JAIL_WORK_DIR.length).split('/');
    else return null;
    const at: string[] = [];
    for (const [i, step] of steps.entries()) {
      if (step === '' || step === '.') continue;
      if (step === '..') {
        // Above /work is "/": the rest is read from there (it may come back in through /work).
        if (at.length === 0) return walk([], `/${steps.slice(i + 1).join('/')}`);
        at.pop();
        continue;
      }
      at.push(step);
      const entry = tree.get(at.join('/'));
      if (entry?.kind !== 'symlink') continue;
      if (++hops > MAX_LINK_HOPS || entry.target === undefined) return null;
      const next = walk(at.slice(0, -1), entry.target);
      if (!next) return null;
      at.splice(0, at.length, ...next);
    }
    return at;
  };
  return walk(dir, target)?.join('/') ?? null;
}

// A symlink at `path` that leads where `target` (written beside it) does: the same file however
// the script spelled it (relative, absolute, through another link), since nginx reads the file.
function linksTo(tree: FinalTree, path: string, target: string): boolean {
  const entry = tree.get(path);
  if (entry?.kind !== 'symlink' || entry.target === undefined) return false;
  const dir = path.split('/').slice(0, -1);
  const want = resolveInTree(tree, dir, target);
  return want !== null && resolveInTree(tree, dir, entry.target) === want;
}

function holds(a: SingleAssertion, o: Observation): boolean {
  switch (a.kind) {
    case 'exit':
      return a.zero ? o.exitCode === 0 : o.exitCode !== null && o.exitCode !== 0;
    case 'calls': {
      const count = positions(o, a.call).length;
      const min = a.min ?? (a.max === undefined ? 1 : 0);
      return count >= min && (a.max === undefined || count <= a.max);
    }
    case 'order': {
      const then = positions(o, a.then);
      if (then.length === 0) return true;
      const first = positions(o, a.first);
      return first.length > 0 && first[0]! < then[0]!;
    }
    case 'container': {
      const c = findContainer(o.world.host, a.name);
      if (!a.running) return !c?.running;
      if (!c?.running) return false;
      if (a.image !== undefined && c.imageRef !== normalizeRef(a.image)) return false;
      return a.unchanged === undefined || (c.id === o.world.initialContainers.get(a.name)) === a.unchanged;
    }
    case 'unit':
      return (o.world.host.units.get(a.name.includes('.') ? a.name : `${a.name}.service`) ?? 'inactive') === a.state;
    case 'deployment': {
      const d = o.world.kube?.deployments.find((x) => x.name === a.name);
      return d !== undefined && currentImage(d) === normalizeRef(a.image);
    }
    case 'exit-zero-after': {
      if (o.exitCode !== 0) return true;
      // In call order, and in the order a call's events came (curl --retry records each answer).
      const picked = o.world.events.map((e, i) => ({ e, i })).filter(({ e }) => eventMatches(e.text, a.last));
      const last = picked.sort((x, y) => x.e.call - y.e.call || x.i - y.i).at(-1);
      return !last || !eventMatches(last.e.text, a.failed);
    }
    case 'backoff': {
      const waits = sleeps(o);
      return waits.length >= a.min && waits.every((w, i) => i === 0 || w >= waits[i - 1]!) && waits[waits.length - 1]! > waits[0]!;
    }
    case 'log': {
      const lines = ownLower(o);
      return lines.some((line) => a.anyOf.some((word) => line.includes(word.toLowerCase())));
    }
    case 'log-all':
      return missingWords(a.allOf, o).length === 0;
    case 'log-none':
      return foundWords(a.noneOf, a.unless, o).length === 0;
    case 'own-lines':
      return ownLines(o).length >= a.min;
    case 'output': {
      const output = `${o.stdout}\n${o.stderr}`.toLowerCase();
      return a.anyOf.some((word) => output.includes(word.toLowerCase()));
    }
    case 'path':
      return finalTree(o).has(a.path) === a.exists;
    case 'link':
      return linksTo(finalTree(o), a.path, a.target);
    case 'only-entries': {
      const inside = [...finalTree(o).keys()].filter((path) => path.startsWith(`${a.dir}/`) && !path.slice(a.dir.length + 1).includes('/'));
      return inside.length === a.entries.length && a.entries.every((path) => inside.includes(path));
    }
    case 'tree-kept': {
      const final = finalTree(o);
      return (o.world.tree?.built ?? []).every((path) => final.has(path));
    }
  }
}

// The reason an assertion that does not hold gives, its placeholders filled in.
function explain(a: SingleAssertion, o: Observation): string {
  let reason = a.reason.replaceAll('{exit}', String(o.exitCode ?? o.signal));
  if (a.kind === 'log-all') reason = reason.replaceAll('{missing}', missingWords(a.allOf, o).join(', '));
  if (a.kind === 'log-none') reason = reason.replaceAll('{found}', foundWords(a.noneOf, a.unless, o).join(', '));
  return reason;
}

// `observe`: the end of the scenario an assertion reads (its `in`, else the check's own), or the
// one scenario every assertion reads.
export function judgeKitAssertion(a: Assertion, observe: Observation | ((a: SingleAssertion) => Observation)): string | null {
  for (const one of a.kind === 'all' ? a.of : [a]) {
    const o = typeof observe === 'function' ? observe(one) : observe;
    if (!holds(one, o)) return explain(one, o);
  }
  return null;
}

// The problems a check finds, each reason once; none means it passes. `observe` gives the end of
// a scenario by id.
export function judgeKitCheck(check: BashKitSpec['checks'][number], observe: (scenario: string) => Observation): string[] {
  const problems = check.expect.map((a) => judgeKitAssertion(a, (one) => observe(one.in ?? check.scenario))).filter((p): p is string => p !== null);
  return [...new Set(problems)];
}

// When a fake refused a call only because this grader does not model it (tool-reply.ts), what
// the script did next followed from the grader's limit, not from a fault: the check is not judged
// and says so, naming the first such call in the scenarios it reads (its own first).
export function unmodelledRefusal(check: BashKitSpec['checks'][number], observe: (scenario: string) => Observation): string | null {
  for (const id of scenariosRead(check)) {
    const call = observe(id).calls.find((c) => c.reply.unmodelled !== undefined);
    if (call) {
      return `${call.argv[0]} refused ${call.reply.unmodelled}. That is a limit of this grader, not a fault in the script, so what followed from it is not judged; the question lists what the fake tools support`;
    }
  }
  return null;
}
