// kubectl for the Deployments of one namespace: set image makes a new revision, rollout status
// succeeds or exceeds its progress deadline as the scenario says for that image, rollout undo
// goes back a revision (or --to-revision), get prints json, jsonpath, name or a table. describe
// and logs are answered too, read only, because a careful script runs them to show why a rollout
// failed: refusing them made the checks after them unjudged for doing the right thing.
import { normalizeRef } from '../bash-deploy/deploy-world';
import { hasOption, optionValue, parseCliArgs } from '../bash-deploy/parse-cli-args';
import { reply, type ToolReply } from '../tool-reply';
import { capText } from '../bash-deploy/cap-text';
import { renderJsonPath } from './kubectl-jsonpath';
import { currentImage, recordEvent, type KitDeployment, type KitWorld } from './kit-world';

const VALUE_OPTIONS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--request-timeout', '--timeout', '-o', '--output', '--to-revision', '--revision', '-l', '--selector', '--replicas', '-f', '--filename', '--field-manager', '-c', '--container', '--tail', '--since', '--since-time', '--limit-bytes', '--max-log-requests', '--pod-running-timeout']);
const MAX_REVISIONS = 16;
const PREFIX_BASES = new Map([['b', 2], ['o', 8], ['x', 16]]);
const TYPES = new Set(['deployment', 'deployments', 'deploy', 'deployment.apps', 'deployments.apps']);
// Real kubectl commands, -o formats and `set` subcommands this model does not answer: refused as
// the grader's limit (the judge says so first), never as a mistake in the script.
const REAL_VERBS = new Set(['create', 'expose', 'run', 'explain', 'edit', 'delete', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'completion', 'api-resources', 'api-versions', 'plugin', 'alpha']);
const REAL_SET_VERBS = new Set(['env', 'resources', 'selector', 'serviceaccount', 'subject']);
const REAL_FORMATS = new Set(['yaml', 'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'jsonpath-as-json', 'jsonpath-file', 'template', 'templatefile']);
const ANSWERED = 'get, describe, logs, set image, rollout status|undo|history|restart|pause|resume, scale, label, annotate and version';
const MAX_SHOWN_TEMPLATE_BYTES = 160;

const unmodelled = (what: string, supported: string, why: string) => ({
  ...reply(1, '', `error: ${what} is outside what this grader's kubectl models (it answers ${supported})\n`),
  unmodelled: `${why}: ${what}`,
});

type Kube = NonNullable<KitWorld['kube']>;
const notFound = (name: string) => reply(1, '', `Error from server (NotFound): deployments.apps "${name}" not found\n`);

// "deployment/web" or "deployment web": the deployment's name, or an error reply.
function target(kube: Kube, namespace: string, words: string[]): KitDeployment | ToolReply {
  const [first, second] = words;
  if (!first) return reply(1, '', 'error: you must specify the type of resource to get\n');
  const slash = first.indexOf('/');
  const [type, name] = slash >= 0 ? [first.slice(0, slash), first.slice(slash + 1)] : [first, second];
  if (!TYPES.has(type)) return reply(1, '', `error: the server doesn't have a resource type "${type}"\n`);
  if (!name) return reply(1, '', 'error: a deployment name is required\n');
  const deployment = namespace === kube.namespace ? kube.deployments.find((d) => d.name === name) : undefined;
  return deployment ?? notFound(name);
}

// Three replicas; a rollout stuck on a failing image has one updated pod that never gets ready,
// so two of three are ready and available. get's json and table and describe all show these.
function replicaCounts(kube: Kube, d: KitDeployment) {
  const failing = isFailing(kube, d);
  return { replicas: 3, updated: failing ? 1 : 3, ready: failing ? 2 : 3, available: failing ? 2 : 3 };
}

function deploymentJson(kube: Kube, d: KitDeployment) {
  const counts = replicaCounts(kube, d);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: d.name, namespace: kube.namespace, generation: d.revisions.length, annotations: { 'deployment.kubernetes.io/revision': String(d.revisions.length) } },
    spec: { replicas: counts.replicas, template: { spec: { containers: [{ name: d.container, image: currentImage(d) }] } } },
    status: { observedGeneration: d.revisions.length, replicas: counts.replicas, updatedReplicas: counts.updated, readyReplicas: counts.ready, availableReplicas: counts.available },
  };
}

const isFailing = (kube: Kube, d: KitDeployment) => kube.failing.some((f) => f.deployment === d.name && f.image === currentImage(d));

// Go's strconv.ParseInt(text, 0, 64), as pflag reads an int64 flag: an optional sign, then decimal,
// 0b/0o/0x or a leading-0 octal ("010" is 8, "08" is refused), "_" only between digits. The
// value, or the reason Go gives; Go stops at the first digit that overflows, before a bad one.
function parseGoInt(text: string): bigint | 'invalid syntax' | 'value out of range' {
  const negative = text[0] === '-';
  const unsigned = negative || text[0] === '+' ? text.slice(1) : text;
  if (!unsigned) return 'invalid syntax';
  let base = 10;
  let digits = unsigned;
  if (unsigned[0] === '0') {
    const prefix = unsigned.length >= 3 ? PREFIX_BASES.get(unsigned[1]!.toLowerCase()) : undefined;
    base = prefix ?? 8;
    digits = unsigned.slice(prefix ? 2 : 1);
  }
  let value = 0n;
  for (const c of digits) {
    if (c === '_') continue;
    // parseInt reads one ASCII digit or letter (NaN for anything else), as Go's loop does.
    const digit = parseInt(c, 36);
    if (!(digit < base)) return 'invalid syntax';
    value = value * BigInt(base) + BigInt(digit);
    if (value > 2n ** 64n - 1n) return 'value out of range';
  }
  if (unsigned.includes('_') && (unsigned.startsWith('_') || unsigned.endsWith('_') || unsigned.includes('__'))) return 'invalid syntax';
  if (value > (negative ? 2n ** 63n : 2n ** 63n - 1n)) return 'value out of range';
  return negative ? -value : value;
}

// --to-revision as kubectl takes it: every use is read (the last one counts), and a value that is
// not an integer ends the command before anything is looked up or changed.
function readToRevision(parsed: ReturnType<typeof parseCliArgs>): bigint | ToolReply {
  let revision = 0n;
  for (const text of parsed.options.get('--to-revision') ?? []) {
    const value = parseGoInt(text);
    if (typeof value !== 'bigint') {
      // JSON.stringify is Go's %q for printable text.
      const quoted = JSON.stringify(text);
      return reply(1, '', `error: invalid argument ${quoted} for "--to-revision" flag: strconv.ParseInt: parsing ${quoted}: ${value}\nSee 'kubectl rollout undo --help' for usage.\n`);
    }
    revision = value;
  }
  return revision;
}

function rollout(world: KitWorld, kube: Kube, d: KitDeployment, action: string | undefined, toRevision: bigint): ToolReply {
  switch (action) {
    case 'status':
      if (isFailing(kube, d)) {
        recordEvent(world, `kubectl rollout-status ${d.name} failed`);
        return reply(1, `Waiting for deployment "${d.name}" rollout to finish: 1 out of 3 new replicas have been updated...\n`, `error: deployment "${d.name}" exceeded its progress deadline\n`);
      }
      recordEvent(world, `kubectl rollout-status ${d.name} complete`);
      return reply(0, `deployment "${d.name}" successfully rolled out\n`);
    case 'undo': {
      // kubectl's rollbacker: a negative revision is one it cannot find, and 0 is the previous one.
      if (toRevision < 0n || toRevision > BigInt(d.revisions.length)) return reply(1, '', `error: unable to find specified revision ${toRevision} in history\n`);
      const index = toRevision > 0n ? Number(toRevision) - 1 : d.revisions.length - 2;
      if (index < 0) return reply(1, '', `error: no rollout history found for deployment "${d.name}"\n`);
      if (d.revisions.length >= MAX_REVISIONS) d.revisions.shift();
      d.revisions.push(d.revisions[index]!);
      recordEvent(world, `kubectl rollout-undo ${d.name}`);
      return reply(0, `deployment.apps/${d.name} rolled back\n`);
    }
    case 'history':
      return reply(0, `deployment.apps/${d.name}\nREVISION  CHANGE-CAUSE\n${d.revisions.map((_, i) => `${i + 1}         <none>\n`).join('')}`);
    case 'restart':
    case 'pause':
    case 'resume':
      recordEvent(world, `kubectl rollout-${action} ${d.name}`);
      return reply(0, `deployment.apps/${d.name} ${action === 'restart' ? 'restarted' : `${action}d`}\n`);
    default:
      return reply(1, '', `error: unknown command "${action ?? ''}" for "kubectl rollout"\n`);
  }
}

function setImage(world: KitWorld, d: KitDeployment, pairs: string[]): ToolReply {
  if (pairs.length === 0) return reply(1, '', 'error: at least one image update is required\n');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const container = eq < 0 ? '' : pair.slice(0, eq);
    const image = eq < 0 ? '' : pair.slice(eq + 1);
    if (!image) return reply(1, '', `error: invalid image update "${pair}": expected CONTAINER=IMAGE\n`);
    if (container !== d.container && container !== '*') return reply(1, '', `error: unable to find container named "${container}"\n`);
    const ref = normalizeRef(image);
    if (ref === currentImage(d)) continue;
    if (d.revisions.length >= MAX_REVISIONS) d.revisions.shift();
    d.revisions.push(ref);
    recordEvent(world, `kubectl set-image ${d.name} ${ref}`);
  }
  return reply(0, `deployment.apps/${d.name} image updated\n`);
}

// The model has Deployments and no pods: `get pods` and `describe pods` find none.
const POD_TYPES = new Set(['pods', 'pod', 'po']);
const noResources = (namespace: string) => reply(0, '', `No resources found in ${namespace} namespace.\n`);

// kubectl describe's layout for a Deployment, with the counts `get` shows.
function describeDeployment(kube: Kube, d: KitDeployment): string {
  const { replicas, updated, available } = replicaCounts(kube, d);
  const conditions = isFailing(kube, d)
    ? ['Available      False   MinimumReplicasUnavailable', 'Progressing    False   ProgressDeadlineExceeded']
    : ['Available      True    MinimumReplicasAvailable', 'Progressing    True    NewReplicaSetAvailable'];
  return [
    `Name:                   ${d.name}`,
    `Namespace:              ${kube.namespace}`,
    `Annotations:            deployment.kubernetes.io/revision: ${d.revisions.length}`,
    `Replicas:               ${replicas} desired | ${updated} updated | ${replicas} total | ${available} available | ${replicas - available} unavailable`,
    'StrategyType:           RollingUpdate',
    'Pod Template:',
    '  Containers:',
    `   ${d.container}:`,
    `    Image:        ${currentImage(d)}`,
    'Conditions:',
    '  Type           Status  Reason',
    '  ----           ------  ------',
    ...conditions.map((line) => `  ${line}`),
    '',
  ].join('\n');
}

function describe(kube: Kube, namespace: string, words: string[]): ToolReply {
  if (POD_TYPES.has(words[0] ?? '')) return noResources(namespace);
  if (words.length === 1 && TYPES.has(words[0]!)) {
    const items = namespace === kube.namespace ? kube.deployments : [];
    return items.length ? reply(0, items.map((d) => describeDeployment(kube, d)).join('\n\n')) : noResources(namespace);
  }
  const d = target(kube, namespace, words);
  return 'code' in d ? d : reply(0, describeDeployment(kube, d));
}

// The pods behind a Deployment logged nothing the scenario cares about: an empty log. A bare name
// is a pod, and the model has none; a selector matches none.
function logs(kube: Kube, namespace: string, words: string[], parsed: ReturnType<typeof parseCliArgs>): ToolReply {
  if (optionValue(parsed, '-l', '--selector') !== undefined) return noResources(namespace);
  const [first] = words;
  if (!first) return reply(1, '', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\n");
  const [type, name] = first.includes('/') ? first.split('/', 2) : ['pod', first];
  if (POD_TYPES.has(type!)) return reply(1, '', `Error from server (NotFound): pods "${name}" not found\n`);
  const d = target(kube, namespace, [first]);
  return 'code' in d ? d : reply(0, '');
}

function get(kube: Kube, namespace: string, words: string[], parsed: ReturnType<typeof parseCliArgs>): ToolReply {
  if (POD_TYPES.has(words[0] ?? '')) return noResources(namespace);
  const all = words.length === 1 && TYPES.has(words[0]!);
  const found = all ? (namespace === kube.namespace ? kube.deployments : []) : [target(kube, namespace, words)];
  const error = found.find((d): d is ToolReply => 'code' in d);
  if (error) return error;
  const items = found as KitDeployment[];
  const output = optionValue(parsed, '-o', '--output') ?? '';
  if (output === 'name') return reply(0, items.map((d) => `deployment.apps/${d.name}\n`).join(''));
  if (output === 'json') return reply(0, `${JSON.stringify(all ? { kind: 'List', items: items.map((d) => deploymentJson(kube, d)) } : deploymentJson(kube, items[0]!), null, 4)}\n`);
  if (output.startsWith('jsonpath=')) {
    const template = output.slice('jsonpath='.length);
    const rendered = renderJsonPath(template, all ? { kind: 'List', items: items.map((d) => deploymentJson(kube, d)) } : deploymentJson(kube, items[0]!));
    if ('text' in rendered) return reply(0, rendered.text);
    // kubectl's own words for a template it cannot parse or run (cli-runtime's jsonpath printer).
    if ('parseError' in rendered) return reply(1, '', `error: error parsing jsonpath ${template}, ${rendered.parseError}\n`);
    if ('runError' in rendered) {
      return reply(1, '', `error: error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${rendered.runError}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n`);
    }
    const shown = `-o jsonpath=${capText(template, MAX_SHOWN_TEMPLATE_BYTES)} (${rendered.unsupported})`;
    return unmodelled(shown, 'fields, [N] and [-1], slices, [*], .*, filters such as [?(@.name=="api")] and {range …}{end}', 'an expression this grader does not support');
  }
  const format = output.split('=')[0]!;
  if (REAL_FORMATS.has(format)) return unmodelled(`-o ${format}`, '-o json, jsonpath, name, wide or a table', 'an output format this grader does not support');
  if (output && output !== 'wide') {
    return reply(1, '', `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`);
  }
  return reply(0, `NAME         READY   UP-TO-DATE   AVAILABLE   AGE\n${items.map((d) => {
    const { replicas, updated, ready, available } = replicaCounts(kube, d);
    return `${d.name.padEnd(12)} ${ready}/${replicas}     ${updated}            ${available}           4d\n`;
  }).join('')}`);
}

export function fakeKubectl(world: KitWorld, args: string[]): ToolReply {
  const kube = world.kube;
  if (!kube) return reply(127, '', 'kubectl: command not found\n');
  const parsed = parseCliArgs(args, VALUE_OPTIONS);
  const namespace = optionValue(parsed, '-n', '--namespace') ?? 'default';
  const [verb, ...words] = parsed.positionals;
  switch (verb) {
    case 'version':
      return reply(0, 'Client Version: v1.29.2\nServer Version: v1.29.1\n');
    case 'get':
      return get(kube, namespace, words, parsed);
    case 'describe':
      return describe(kube, namespace, words);
    case 'logs':
      return logs(kube, namespace, words, parsed);
    case 'rollout': {
      // kubectl reads its flags before it looks for the deployment.
      const toRevision = words[0] === 'undo' ? readToRevision(parsed) : 0n;
      if (typeof toRevision !== 'bigint') return toRevision;
      const d = target(kube, namespace, words.slice(1));
      return 'code' in d ? d : rollout(world, kube, d, words[0], toRevision);
    }
    case 'set': {
      if (words[0] !== 'image') {
        if (REAL_SET_VERBS.has(words[0] ?? '')) return unmodelled(`kubectl set ${words[0]}`, 'set image', 'a command this grader does not support');
        return reply(1, '', `error: unknown command "${words[0] ?? ''}" for "kubectl set"\n`);
      }
      const slashForm = words[1]?.includes('/');
      const d = target(kube, namespace, slashForm ? [words[1]!] : words.slice(1, 3));
      return 'code' in d ? d : setImage(world, d, words.slice(slashForm ? 2 : 3));
    }
    case 'annotate':
    case 'label':
    case 'scale': {
      const d = target(kube, namespace, words.slice(0, words[0]?.includes('/') ? 1 : 2));
      return 'code' in d ? d : reply(0, `deployment.apps/${d.name} ${verb === 'scale' ? 'scaled' : `${verb === 'label' ? 'labeled' : 'annotated'}`}\n`);
    }
    case 'config':
      return reply(0, 'production\n');
    case undefined:
      return reply(0, 'kubectl controls the Kubernetes cluster manager.\n');
    default:
      if (hasOption(parsed, '--help', '-h')) return reply(0, '');
      if (REAL_VERBS.has(verb)) return unmodelled(`kubectl ${verb}`, ANSWERED, 'a command this grader does not support');
      return reply(1, '', `error: unknown command "${verb}" for "kubectl"\n`);
  }
}
