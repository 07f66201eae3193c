// Configuration question: a Deployment that rolls out with zero downtime, and a
// PodDisruptionBudget in the same multi-document YAML (seeds/content/config-kubernetes-zero-downtime).
export const kubernetesZeroDowntime = {
  name: 'config-kubernetes-zero-downtime',
  version: 1,
  checks: [
    { id: 'one-deployment', name: 'One Deployment whose selector matches its pod labels', why: 'the checks below read that Deployment, and the API server rejects a selector that does not match the template labels' },
    { id: 'replicas', name: 'At least two replicas', why: 'with one pod, any restart, eviction or node drain is an outage' },
    { id: 'rolling-update', name: 'Rolling update with maxUnavailable 0 and a surge', why: 'a new pod must be ready before an old one is taken away, so the rollout needs room for at least one extra pod' },
    { id: 'readiness-probe', name: 'Every container has a readiness probe, and the app\'s probes reach the app', why: 'without a readiness probe, or with one that passes whatever the app answers, a pod gets traffic before the app can serve; a probe on a port or path the app does not serve never passes, so no new pod becomes Ready (or, for liveness, each is restarted) and the rollout stalls' },
    { id: 'resources', name: 'Every container requests CPU and memory and limits memory', why: 'requests let the scheduler place the surge pod where it fits; a memory limit keeps one pod from starving its neighbours' },
    { id: 'pdb-selector', name: 'A PodDisruptionBudget selects the Deployment\'s pods, and only those', why: 'a budget that matches no pod protects nothing during a node drain; one that also matches other workloads\' pods counts them against this service\'s budget, so a drain may take every checkout pod, or be blocked by another workload\'s pods' },
    { id: 'pdb-budget', name: 'The budget keeps a pod serving and still lets a node drain', why: 'it must keep at least one pod up, yet allow at least one eviction, or node drains and cluster upgrades block forever' },
  ],
  checker: String.raw`
import re


def the_deployment(docs):
    found = of_kind(docs, 'Deployment')
    return found[0] if len(found) == 1 else None


def containers(docs):
    return [c for c in as_list(dig(the_deployment(docs), 'spec', 'template', 'spec', 'containers')) if isinstance(c, dict)]


def pod_labels(docs):
    labels = dig(the_deployment(docs), 'spec', 'template', 'metadata', 'labels')
    return labels if isinstance(labels, dict) else {}


def replicas(docs):
    value = dig(the_deployment(docs), 'spec', 'replicas')
    # The API server defaults a missing count to 1.
    return 1 if value is None else value


def need_deployment(docs):
    if the_deployment(docs) is None:
        return False, 'found %d Deployments, expected exactly one' % len(of_kind(docs, 'Deployment'))
    return True, ''


@check('one-deployment')
def one_deployment(docs):
    ok, detail = need_deployment(docs)
    if not ok:
        return ok, detail
    match = dig(the_deployment(docs), 'spec', 'selector', 'matchLabels')
    labels = pod_labels(docs)
    if not isinstance(match, dict) or not match:
        return False, 'spec.selector.matchLabels is missing or empty'
    missing = [k for k, v in match.items() if labels.get(k) != v]
    if missing:
        return False, 'the selector asks for %s, which the pod template labels do not carry' % ', '.join('%s=%s' % (k, shown(match[k])) for k in missing)
    return True, 'Deployment %s selects %s' % (shown(dig(the_deployment(docs), 'metadata', 'name')), ', '.join('%s=%s' % (k, shown(v)) for k, v in match.items()))


@check('replicas')
def enough_replicas(docs):
    ok, detail = need_deployment(docs)
    if not ok:
        return ok, detail
    count = replicas(docs)
    if type(count) is not int:
        return False, 'spec.replicas is %s, not a whole number' % shown(count)
    if count < 2:
        return False, 'spec.replicas is %d' % count
    return True, '%d replicas' % count


def amount(value, total):
    # An int, or a percentage of the replica count (maxUnavailable rounds down, maxSurge up).
    if type(value) is int:
        return value, value
    if isinstance(value, str) and value.endswith('%') and value[:-1].isdigit() and type(total) is int:
        share = int(value[:-1]) * total
        return share // 100, -(-share // 100)
    return None, None


@check('rolling-update')
def rolling_update(docs):
    ok, detail = need_deployment(docs)
    if not ok:
        return ok, detail
    strategy = dig(the_deployment(docs), 'spec', 'strategy')
    if strategy is None:
        return False, 'spec.strategy is not set, so the default rolling update may take 25% of pods away first'
    if dig(strategy, 'type') != 'RollingUpdate':
        return False, 'strategy.type is %s, expected RollingUpdate' % shown(dig(strategy, 'type'))
    rolling = dig(strategy, 'rollingUpdate')
    if not isinstance(rolling, dict) or 'maxUnavailable' not in rolling:
        return False, 'maxUnavailable is not set, so the default of 25% applies'
    unavailable, _ = amount(rolling['maxUnavailable'], replicas(docs))
    if unavailable != 0:
        return False, 'maxUnavailable is %s' % shown(rolling['maxUnavailable'])
    # Default maxSurge is 25%, rounded up: at least one pod.
    _, surge = amount(rolling.get('maxSurge', '25%'), replicas(docs))
    if not surge:
        return False, 'maxSurge is %s, and with maxUnavailable 0 as well the rollout could neither add a pod nor take one away (the API server refuses the pair)' % shown(rolling.get('maxSurge'))
    return True, 'RollingUpdate, maxUnavailable %s, maxSurge %s' % (shown(rolling['maxUnavailable']), shown(rolling.get('maxSurge', '25%')))


def probe_handler(probe):
    for handler in ('httpGet', 'tcpSocket', 'exec', 'grpc'):
        if isinstance(dig(probe, handler), dict):
            return handler
    return None


# What the brief says of the app: it listens on 8080 and answers GET /healthz/ready.
APP_PORT = 8080
READY_PATH = '/healthz/ready'


def app_containers(docs):
    # The checkout app's container: the one named checkout, else the only one, else those that
    # declare containerPort 8080 (a sidecar's probes ask the sidecar, not the app).
    found = containers(docs)
    named = [c for c in found if c.get('name') == 'checkout']
    if named or len(found) == 1:
        return named or found
    return [c for c in found if any(isinstance(p, dict) and p.get('containerPort') == APP_PORT for p in as_list(c.get('ports')))]


def port_fault(container, field, port):
    # A probe's port is a number, or the name of one of the container's own ports.
    if isinstance(port, str):
        for entry in as_list(container.get('ports')):
            if isinstance(entry, dict) and entry.get('name') == port:
                target = entry.get('containerPort')
                if target == APP_PORT and type(target) is int:
                    return None
                return '%s asks port %s, which is containerPort %s, but the app listens on %d' % (field, shown(port), shown(target), APP_PORT)
        return '%s asks port %s, but %s names no port of container %s' % (field, shown(port), shown(port), shown(container.get('name')))
    if type(port) is int and port == APP_PORT:
        return None
    return '%s asks port %s, but the app listens on %d' % (field, shown(port) if port is not None else 'none', APP_PORT)


# An exec readiness probe passes when its command exits 0, so the command must fail when the app
# does not answer GET /healthz/ready with success: curl with -f (--fail), wget (which exits non-zero
# on an HTTP error), Python's urlopen; nothing after the request that makes the command succeed
# anyway (|| true, ; exit 0, a pipe into cat, an echo as the last command).
SHELLS = ('sh', 'bash', 'ash', 'dash', 'zsh')
KEYWORDS = ('if', 'elif', 'then', 'else', 'do', 'while', 'until', '{', '(', 'exec', 'command', 'time', 'env', 'fi', 'done', '}', ')')
HARMLESS = ('true', ':', 'echo', 'printf', 'sleep')


def program(words):
    # A command's words from the program it runs: past shell keywords, '!', VAR=value
    # assignments, busybox and timeout (with its options and duration).
    words = list(words)
    while words:
        first = words[0]
        if first in KEYWORDS or first == '!' or re.match(r'^[A-Za-z_][A-Za-z0-9_]*=', first):
            words = words[1:]
        elif first.split('/')[-1] == 'busybox':
            words = words[1:]
        elif first.split('/')[-1] == 'timeout':
            words = words[1:]
            while words and words[0].startswith('-'):
                words = words[1:]
            words = words[1:]
        else:
            break
    if words:
        words[0] = words[0].split('/')[-1]
    return words


def always_succeeds(words):
    run = program(words)
    if not run:
        return False
    return run[0] in HARMLESS or (run[0] in ('exit', 'return') and run[1:2] == ['0'])


def probe_script(argv):
    # The statements an exec probe runs (a shell's -c script, or the command itself) and
    # whether the shell stops at the first failure (-e); None when the script cannot be read.
    if argv and argv[0].split('/')[-1] in SHELLS:
        for k, word in enumerate(argv[1:], 1):
            if re.fullmatch(r'-[a-z]*c[a-z]*', word) and k + 1 < len(argv):
                return shell_parse(argv[k + 1]), 'e' in word
        return None, False
    return [[(None, [argv])]], False


def asks_ready(words):
    text = ' '.join(words)
    return READY_PATH in text and str(APP_PORT) in text


def client_fault(words):
    # None when this command fails on a failed request, else why it does not.
    run = program(words)
    name = run[0] if run else ''
    text = ' '.join(run)
    if name == 'curl':
        if any(w in ('--fail', '--fail-with-body') or re.fullmatch(r'-[A-Za-z]*f[A-Za-z]*', w) for w in run[1:]):
            return None
        return 'curl without -f (--fail) exits 0 when the app answers 503, so the probe passes while the app is not ready'
    if name == 'wget':
        return None
    if name.startswith('python') and ('urlopen' in text or 'raise_for_status' in text):
        return None
    if name in ('[', '[[', 'test') and 'curl' in text and 'http_code' in text and '200' in text:
        return None
    return '%s is not a request the checker can tell fails when the app is not ready; use httpGet, or curl -f or wget' % shown(name)


def sets_option(statements, letter, name):
    for statement in statements:
        for _, pipeline in statement:
            for words in pipeline:
                run = program(words)
                if run and run[0] == 'set' and any(re.fullmatch(r'-[a-z]*%s[a-z]*' % letter, w) or w == name for w in run[1:]):
                    return True
    return False


def exec_faults(field, command):
    argv = [str(w) for w in as_list(command)] if isinstance(command, list) else [str(command)] if command else []
    statements, errexit = probe_script(argv)
    if statements is None:
        return ['%s runs %s without a -c script, so it does not visibly request %s on port %d' % (field, shown(' '.join(argv)), READY_PATH, APP_PORT)]
    requests, echoed = [], False
    for s, statement in enumerate(statements):
        for c, (_, pipeline) in enumerate(statement):
            for p, words in enumerate(pipeline):
                if asks_ready(words):
                    if always_succeeds(words):
                        echoed = True
                    else:
                        requests.append((s, c, p, words))
    if not requests:
        if echoed:
            return ['%s only prints %s (echo or printf) and never requests it, so the probe always passes' % (field, READY_PATH)]
        return ['%s runs a command that does not request %s on port %d' % (field, READY_PATH, APP_PORT)]
    faults = []
    for s, c, p, words in requests:
        fault = client_fault(words)
        if fault:
            faults.append('%s: %s' % (field, fault))
        pipeline = statements[s][c][1]
        if p < len(pipeline) - 1 and not sets_option(statements[:s], 'o', 'pipefail'):
            last = program(pipeline[-1])
            if not last or last[0] not in ('grep', 'jq') or '-v' in last:
                faults.append('%s pipes the request into %s, so the probe sees that exit status, not the request\'s' % (field, shown(last[0] if last else '')))
        for operator, rest in statements[s][c + 1:]:
            if operator == '||' and always_succeeds(rest[-1]):
                faults.append('%s: "|| %s" after the request makes the command succeed when the app is not ready, so the probe always passes' % (
                    field, ' '.join(program(rest[-1]))[:20]))
                break
        later = statements[s + 1:]
        if later and not errexit and not sets_option(statements[:s], 'e', 'errexit'):
            fails = any(run and run[0] in ('exit', 'return') and run[1:2] != ['0'] and len(run) > 1
                        for statement in later for _, pipeline in statement for run in [program(w) for w in pipeline])
            if not fails:
                after = [' '.join(program(w)) for statement in later for _, pipeline in statement for w in pipeline if program(w)]
                faults.append('%s runs %s after the request and never exits non-zero, so the probe sees that command\'s exit status, not the request\'s' % (
                    field, shown(after[0] if after else ' '.join(later[0][0][1][0]))))
    unique = []
    for fault in faults:
        if fault not in unique:
            unique.append(fault)
    return unique


def probe_faults(container, field):
    # What keeps this probe of the app's container from asking the app; liveness and startup
    # probes are held to the port only (the brief names no other path).
    probe = container.get(field)
    handler = probe_handler(probe)
    if handler is None:
        return []
    spec = probe[handler]
    if handler == 'grpc':
        return ['%s is a gRPC health check, but the app answers HTTP GET %s' % (field, READY_PATH)]
    if handler == 'exec':
        return exec_faults(field, spec.get('command')) if field == 'readinessProbe' else []
    faults = []
    port = port_fault(container, field, spec.get('port'))
    if port:
        faults.append(port)
    if handler == 'httpGet' and field == 'readinessProbe':
        asked = spec.get('path', '/')
        if not isinstance(asked, str) or asked.split('?')[0] != READY_PATH:
            faults.append('%s asks GET %s, but the app answers GET %s' % (field, asked[:60] if isinstance(asked, str) else shown(asked), READY_PATH))
    return faults


def probe_summary(container):
    probe = container['readinessProbe']
    handler = probe_handler(probe)
    spec = probe[handler]
    if handler == 'httpGet':
        return '%s: httpGet %s on port %s' % (shown(container.get('name')), shown(spec.get('path', '/')), shown(spec.get('port')))
    if handler == 'tcpSocket':
        return '%s: tcpSocket on port %s' % (shown(container.get('name')), shown(spec.get('port')))
    return '%s: %s' % (shown(container.get('name')), handler)


@check('readiness-probe')
def readiness(docs):
    found = containers(docs)
    if not found:
        return False, 'the Deployment has no containers'
    without = [shown(c.get('name')) for c in found if probe_handler(c.get('readinessProbe')) is None]
    if without:
        return False, 'no readinessProbe (with httpGet, tcpSocket, exec or grpc) on container %s' % ', '.join(without)
    apps = app_containers(docs)
    if not apps:
        return False, 'no container is named "checkout" or declares containerPort %d, so none can be told apart as the app' % APP_PORT
    for c in apps:
        faults = []
        for field in ('readinessProbe', 'livenessProbe', 'startupProbe'):
            faults += probe_faults(c, field)
        if faults:
            return False, 'container %s: %s' % (shown(c.get('name')), '; '.join(faults))
    return True, ', '.join(probe_summary(c) for c in found)


@check('resources')
def resources(docs):
    found = containers(docs)
    if not found:
        return False, 'the Deployment has no containers'
    for c in found:
        gaps = [path for path in (('requests', 'cpu'), ('requests', 'memory'), ('limits', 'memory')) if dig(c, 'resources', *path) in (None, '', 0)]
        if gaps:
            return False, 'container %s has no %s' % (shown(c.get('name')), ', '.join('resources.%s.%s' % gap for gap in gaps))
    return True, 'requests and memory limits on %d container(s)' % len(found)


def deployment_selector(docs):
    # The label=value pairs the Deployment's selector pins: its matchLabels and each In with a
    # single value. A selector that pins none (only Exists, or In with several values) says too
    # little to judge a budget by; the pod template's labels stand in, so a broad budget still
    # fails rather than passing for want of a selector to compare it with.
    selector = dig(the_deployment(docs), 'spec', 'selector')
    pinned = budget_terms({'spec': {'selector': selector}})[2] if isinstance(selector, dict) else {}
    return pinned or pod_labels(docs)


def expression_holds(expression, labels):
    # One matchExpressions term against the pod template's labels.
    if not isinstance(expression, dict):
        return False
    key, operator, values = expression.get('key'), expression.get('operator'), as_list(expression.get('values'))
    if not isinstance(key, str):
        return False
    if operator == 'In':
        return key in labels and labels[key] in values
    if operator == 'NotIn':
        return key not in labels or labels[key] not in values
    if operator == 'Exists':
        return key in labels
    if operator == 'DoesNotExist':
        return key not in labels
    return False


def budget_terms(budget):
    # A budget's matchLabels, its matchExpressions, and the label=value pairs it pins (its
    # matchLabels, and each In with a single value).
    match = dig(budget, 'spec', 'selector', 'matchLabels')
    match = match if isinstance(match, dict) else {}
    expressions = as_list(dig(budget, 'spec', 'selector', 'matchExpressions'))
    pinned = dict(match)
    for e in expressions:
        if isinstance(e, dict) and e.get('operator') == 'In' and isinstance(e.get('key'), str) and len(as_list(e.get('values'))) == 1:
            pinned.setdefault(e['key'], as_list(e['values'])[0])
    return match, expressions, pinned


def selects_pods(budget, labels):
    # Every term of a non-empty selector holds on the pod template (an empty selector is refused).
    match, expressions, _ = budget_terms(budget)
    if not match and not expressions:
        return False
    return all(labels.get(k) == v for k, v in match.items()) and all(expression_holds(e, labels) for e in expressions)


def loose_labels(budget, docs):
    # The Deployment's selector labels a budget leaves out, when that makes it broader than the
    # Deployment's pods as far as the YAML tells: it may leave some out only if it pins one whose
    # value is the Deployment's name (app: checkout names it; part-of: shop or tier: web do not).
    # A broader budget also counts, and holds up evictions of, other workloads' pods.
    _, _, pinned = budget_terms(budget)
    selector = deployment_selector(docs)
    name = dig(the_deployment(docs), 'metadata', 'name')
    if any(pinned.get(k) == v and isinstance(v, str) and v == name for k, v in selector.items()):
        return []
    return [k for k, v in selector.items() if pinned.get(k) != v]


def pairs(mapping):
    return ', '.join('%s=%s' % (k, shown(v)) for k, v in mapping.items())


def selector_text(budget):
    match, expressions, _ = budget_terms(budget)
    terms = ['%s=%s' % (k, shown(v)) for k, v in match.items()]
    plain = lambda v: v[:60] if isinstance(v, str) else shown(v)
    terms += ['%s %s [%s]' % (plain(dig(e, 'key')), plain(dig(e, 'operator')), ', '.join(shown(v) for v in as_list(dig(e, 'values'))[:5])) for e in expressions]
    return ', '.join(terms) or 'none'


def covering_budgets(docs):
    # Budgets that select the pods, those that select only this Deployment's pods first.
    labels = pod_labels(docs)
    found = [b for b in of_kind(docs, 'PodDisruptionBudget') if selects_pods(b, labels)]
    return [b for b in found if not loose_labels(b, docs)] + [b for b in found if loose_labels(b, docs)]


@check('pdb-selector')
def pdb_selector(docs):
    budgets = of_kind(docs, 'PodDisruptionBudget')
    if not budgets:
        return False, 'the YAML has no PodDisruptionBudget'
    covering = covering_budgets(docs)
    if not covering:
        return False, 'no budget\'s selector (%s) holds on the pod template\'s labels (%s)' % (
            '; '.join(selector_text(b) for b in budgets), pairs(pod_labels(docs)) or 'no labels')
    budget = covering[0]
    if loose_labels(budget, docs):
        return False, 'PodDisruptionBudget %s selects %s, which other workloads\' pods can carry too; include the Deployment\'s selector labels %s' % (
            shown(dig(budget, 'metadata', 'name')), selector_text(budget), pairs(deployment_selector(docs)))
    return True, 'PodDisruptionBudget %s selects the pods by %s' % (shown(dig(budget, 'metadata', 'name')), pairs(budget_terms(budget)[2]))


@check('pdb-budget')
def pdb_budget(docs):
    # A budget that selects more than these pods is the selector check's fault; its numbers are
    # still judged against this Deployment's replicas.
    budgets = covering_budgets(docs)
    if not budgets:
        return False, 'no PodDisruptionBudget selects the pods'
    spec = dig(budgets[0], 'spec')
    total = replicas(docs)
    if type(total) is not int:
        return False, 'spec.replicas is not a whole number'
    if 'minAvailable' in spec and 'maxUnavailable' in spec:
        return False, 'the budget sets both minAvailable and maxUnavailable'
    if 'minAvailable' in spec:
        # minAvailable percentages round up.
        _, keep = amount(spec['minAvailable'], total)
        if keep is None:
            return False, 'minAvailable is %s' % shown(spec['minAvailable'])
        if keep < 1:
            return False, 'minAvailable %s keeps no pod up' % shown(spec['minAvailable'])
        if keep >= total:
            return False, 'minAvailable %s of %d replicas allows no eviction' % (shown(spec['minAvailable']), total)
        return True, 'minAvailable %s of %d replicas' % (shown(spec['minAvailable']), total)
    if 'maxUnavailable' in spec:
        _, allowed = amount(spec['maxUnavailable'], total)
        if allowed is None:
            return False, 'maxUnavailable is %s' % shown(spec['maxUnavailable'])
        if allowed < 1:
            return False, 'maxUnavailable %s allows no eviction' % shown(spec['maxUnavailable'])
        if allowed >= total:
            return False, 'maxUnavailable %s of %d replicas lets every pod go at once' % (shown(spec['maxUnavailable']), total)
        return True, 'maxUnavailable %s of %d replicas' % (shown(spec['maxUnavailable']), total)
    return False, 'the budget sets neither minAvailable nor maxUnavailable'
`,
};
