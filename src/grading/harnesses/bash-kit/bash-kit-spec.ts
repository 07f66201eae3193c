// A Bash world kit question as data (docs/decisions/020): the script's name, the base world its
// fakes start from, the scenarios (arguments and what they change in the world) and the checks,
// each a list of assertions with the reason shown when one does not hold. The kit's fakes,
// jails, relay and judge are shared; a question adds no code.
import { z } from 'zod';
import { KIT_TOOLS } from './kit-tools';
import { WorldOverridesSchema, WorldSpecSchema, UnitStateSchema, type WorldSpec } from './world-spec';

const Name = z.string().trim().min(1).max(120);
const Reason = z.string().trim().min(1).max(300);
const ScenarioId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'A scenario id is lower-case letters, digits and dashes.');

// A call the script made: `event` is what the world recorded, literally ("docker pull REF",
// "kubectl rollout-undo web"), or its first whole words with `prefix` ("curl URL" picks out "curl
// URL 503" and "curl URL refused", never "curl URLX refused"); `argv` is the tool, then words found in
// that order in the rest of the raw command line ("systemctl", "is-active"). No pattern is ever compiled from either side.
const EventMatcherSchema = z.strictObject({ event: z.string().min(1).max(300), prefix: z.boolean().default(false) });
const SingleCallMatcherSchema = z.union([
  EventMatcherSchema,
  z.strictObject({ argv: z.array(z.string().min(1).max(200)).min(1).max(8) }),
]);
// `anyOf`: a call any of these matchers picks out ("systemctl stop" or "systemctl restart" …).
export const CallMatcherSchema = z.union([SingleCallMatcherSchema, z.strictObject({ anyOf: z.array(SingleCallMatcherSchema).min(1).max(8) })]);
export type CallMatcher = z.output<typeof CallMatcherSchema>;

const Count = z.number().int().min(0).max(1000);
// `in`: the scenario the assertion reads; the check's own scenario when left out. A reason may
// name how the script ended with {exit} (its exit status, or the signal that ended it).
const base = { reason: Reason, in: ScenarioId.optional() };

const SingleAssertionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exit'), zero: z.boolean(), ...base }),
  // Counted calls: any call at all when `call` is left out.
  z.strictObject({ kind: z.literal('calls'), call: CallMatcherSchema.optional(), min: Count.optional(), max: Count.optional(), ...base }),
  // When `then` happened, `first` happened before it.
  z.strictObject({ kind: z.literal('order'), first: CallMatcherSchema, then: CallMatcherSchema, ...base }),
  z.strictObject({ kind: z.literal('container'), name: Name, running: z.boolean(), image: z.string().min(1).max(200).optional(), unchanged: z.boolean().optional(), ...base }),
  z.strictObject({ kind: z.literal('unit'), name: Name, state: UnitStateSchema, ...base }),
  z.strictObject({ kind: z.literal('deployment'), name: Name, image: z.string().min(1).max(200), ...base }),
  // An answer the script took for success: it exited 0 while the last event `last` picks out
  // ("curl URL", a health check) is one `failed` picks out ("curl URL 503": curl without -f
  // exits 0 on it). Holds when it exited non-zero or made no such call.
  z.strictObject({ kind: z.literal('exit-zero-after'), last: EventMatcherSchema, failed: EventMatcherSchema, ...base }),
  // At least `min` waits (relayed sleep calls), none shorter than the one before, the last longer than the first.
  z.strictObject({ kind: z.literal('backoff'), min: z.number().int().min(2).max(10), ...base }),
  // One of the script's own output lines (not a fake's) contains one of these, ignoring case.
  z.strictObject({ kind: z.literal('log'), anyOf: z.array(z.string().min(1).max(80)).min(1).max(12), ...base }),
  // Every one of these is in one of the script's own lines (ignoring case); a reason may name the
  // ones that are not with {missing}.
  z.strictObject({ kind: z.literal('log-all'), allOf: z.array(z.string().min(1).max(80)).min(1).max(20), ...base }),
  // None of the script's own lines contains one of these (ignoring case), except a line that also
  // contains one of `unless` ("keeping mid.log" is not a claim that it goes); a reason may name
  // the ones found with {found}.
  z.strictObject({ kind: z.literal('log-none'), noneOf: z.array(z.string().min(1).max(80)).min(1).max(20), unless: z.array(z.string().min(1).max(80)).max(12).default([]), ...base }),
  z.strictObject({ kind: z.literal('own-lines'), min: z.number().int().min(1).max(50), ...base }),
  // The whole output (stdout and stderr, the fakes' lines included) contains one of these, ignoring case.
  z.strictObject({ kind: z.literal('output'), anyOf: z.array(z.string().min(1).max(80)).min(1).max(12), ...base }),
  // The scratch tree at the end: this path (relative to /work) is there, or is gone.
  z.strictObject({ kind: z.literal('path'), path: z.string().min(1).max(200), exists: z.boolean(), ...base }),
  // This path is a symlink that leads where `target`, written beside it, does: the same file in
  // the tree, spelled relative or absolute (/work/…) or reached through another link.
  z.strictObject({ kind: z.literal('link'), path: z.string().min(1).max(200), target: z.string().min(1).max(200), ...base }),
  // The directory `dir` holds exactly these entries (paths relative to /work), nothing else.
  z.strictObject({ kind: z.literal('only-entries'), dir: z.string().min(1).max(200), entries: z.array(z.string().min(1).max(200)).max(20), ...base }),
  // Every path the tree was built with is still there.
  z.strictObject({ kind: z.literal('tree-kept'), ...base }),
]);
// All of these hold; when one does not, only the first that fails gives its reason (a problem
// explained one way or another depending on what else went wrong).
export const AssertionSchema = z.union([SingleAssertionSchema, z.strictObject({ kind: z.literal('all'), of: z.array(SingleAssertionSchema).min(2).max(6) })]);
export type SingleAssertion = z.output<typeof SingleAssertionSchema>;
export type Assertion = z.output<typeof AssertionSchema>;

// The assertions a check reads, groups opened.
export const flatAssertions = (expect: readonly Assertion[]): SingleAssertion[] => expect.flatMap((a) => (a.kind === 'all' ? a.of : [a]));

// The scenarios a check reads: its own first, then any its assertions name with `in`.
export const scenariosRead = (check: { scenario: string; expect: readonly Assertion[] }): Set<string> =>
  new Set([check.scenario, ...flatAssertions(check.expect).map((a) => a.in ?? check.scenario)]);

// How the grader's messages name the tools, the model and why floods and hangs matter.
const WordingSchema = z.strictObject({
  tools: z.string().min(1).max(60).default('tool'),
  model: z.string().min(1).max(60).default('the host'),
  flood: z.string().min(1).max(200).default('a script that keeps retrying without a bound never finishes'),
  hang: z.string().min(1).max(200).default('a script that hangs blocks every release behind it'),
});

// A configuration test that follows the scratch tree needs the tree, with the files it reads.
function configTestProblem(nginx: WorldSpec['nginx'], tree: WorldSpec['tree']): string | null {
  const test = nginx?.configTest;
  if (test === undefined || typeof test === 'string') return null;
  if (!tree) return 'nginx.configTest { live, broken } reads the scratch tree: the world needs a tree';
  if (!tree.some((e) => e.path === test.live)) return `nginx.configTest.live: the tree has no "${test.live}"`;
  if (test.broken !== undefined && !tree.some((e) => e.path === test.broken && e.kind === 'file' && e.content !== undefined)) {
    return `nginx.configTest.broken: the tree has no file "${test.broken}" with a content`;
  }
  return null;
}

// What a spec must meet to be saved or imported, beyond the shape the grader reads (a stored spec
// from before a rule still grades as it did): beside a scratch tree, a fixed nginx -t answer
// could be asked before the script changes anything and tell the scenario apart, so the test
// follows the tree (docs/decisions/020).
export function bashKitAuthoringProblems(spec: BashKitSpec): { path: (string | number)[]; message: string }[] {
  return spec.scenarios.flatMap((scenario, i) => {
    const nginx = scenario.world.nginx ?? spec.world.nginx;
    const tree = scenario.world.tree ?? spec.world.tree;
    if (!tree || typeof nginx?.configTest !== 'string') return [];
    return [{ path: ['scenarios', i, 'world', 'nginx'], message: 'with a scratch tree, nginx.configTest follows it ({ "live": PATH, "broken": PATH }), or a script can ask it before it changes anything' }];
  });
}

export const BashKitSpecSchema = z
  .strictObject({
    name: z.string().regex(/^bash-[a-z0-9-]+$/, 'A Bash kit harness is named bash-<slug>.'),
    version: z.number().int().positive(),
    script: z.string().regex(/^[a-z][a-z0-9-]*\.sh$/, 'The script is named like deploy.sh.'),
    // Bounds on calls, shared by every tool; a polling loop that never ends meets them.
    maxCallsPerScenario: z.number().int().min(10).max(80).default(40),
    maxCallsPerRun: z.number().int().min(20).max(240).default(120),
    // The fake tools in the jail; any other name is the real tool, or not found.
    tools: z.array(z.enum(KIT_TOOLS)).min(1).max(KIT_TOOLS.length).default([...KIT_TOOLS]),
    wording: WordingSchema.default(WordingSchema.parse({})),
    world: WorldSpecSchema,
    scenarios: z.array(z.strictObject({ id: ScenarioId, args: z.array(z.string().max(300)).max(8), world: WorldOverridesSchema.default({}) })).min(2).max(10),
    checks: z.array(z.strictObject({ name: Name, scenario: ScenarioId, expect: z.array(AssertionSchema).min(1).max(12) })).min(2).max(16),
  })
  .superRefine((spec, ctx) => {
    const ids = new Set(spec.scenarios.map((s) => s.id));
    if (ids.size !== spec.scenarios.length) ctx.addIssue({ code: 'custom', path: ['scenarios'], message: 'scenario ids repeat' });
    const names = new Set<string>();
    spec.checks.forEach((check, i) => {
      if (names.has(check.name)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'name'], message: `repeats the check name "${check.name}"` });
      names.add(check.name);
      if (!ids.has(check.scenario)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'scenario'], message: `no scenario "${check.scenario}"` });
      flatAssertions(check.expect).forEach((a) => {
        if (a.in && !ids.has(a.in)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'expect'], message: `no scenario "${a.in}"` });
      });
    });
    spec.scenarios.forEach((scenario, i) => {
      const problem = configTestProblem(scenario.world.nginx ?? spec.world.nginx, scenario.world.tree ?? spec.world.tree);
      if (problem) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'world', 'nginx'], message: problem });
    });
    for (const id of ids) if (!spec.checks.some((c) => c.scenario === id || flatAssertions(c.expect).some((a) => a.in === id))) ctx.addIssue({ code: 'custom', path: ['scenarios'], message: `no check reads scenario "${id}"` });
  });
export type BashKitSpec = z.output<typeof BashKitSpecSchema>;
export type BashKitSpecInput = z.input<typeof BashKitSpecSchema>;
