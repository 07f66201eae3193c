// Configuration question: a GitHub Actions workflow that builds the image once and promotes that
// same digest through staging to a gated production (seeds/content/config-ci-build-once-promote).
export const ciBuildOncePromote = {
  name: 'config-ci-build-once-promote',
  version: 1,
  checks: [
    { id: 'one-build', name: 'The image is built in exactly one job', why: 'a rebuild per environment can produce a different image (new base layers, new dependencies) from the one staging tested' },
    { id: 'digest-output', name: 'The build job outputs the image digest', why: 'later jobs can only deploy the same bytes if the build pushes the image and hands them its immutable digest, not a tag that can move' },
    { id: 'staging', name: 'A staging job deploys after the build', why: 'staging must run the artifact the build produced, so it needs the build job' },
    { id: 'production-gate', name: 'Production deploys only after staging, through a protected environment', why: 'production must wait for staging and pass the production environment\'s protection rules (reviewers, wait timer, branch rules)' },
    { id: 'same-digest', name: 'Staging and production deploy the build\'s digest', why: 'the deploy itself (./deploy.sh, not an echo beside it) must use the digest the build job output (needs.<build>.outputs.<name>), never a tag that can move, so production runs exactly what staging ran' },
  ],
  checker: String.raw`
import re

BUILDERS = ('docker build', 'docker buildx build', 'docker image build', 'podman build', 'buildah bud', 'buildah build')


def workflow(docs):
    first = docs[0]
    return first if isinstance(first, dict) else {}


def jobs(docs):
    found = dig(workflow(docs), 'jobs')
    return {k: v for k, v in found.items() if isinstance(v, dict)} if isinstance(found, dict) else {}


def steps(job):
    return [s for s in as_list(job.get('steps')) if isinstance(s, dict)]


def flat(text):
    return ' '.join(str(text).split())


def builds(job):
    for step in steps(job):
        uses = step.get('uses')
        if isinstance(uses, str) and uses.split('@')[0] == 'docker/build-push-action':
            return True
        run = step.get('run')
        if isinstance(run, str) and any(b in flat(run) for b in BUILDERS):
            return True
    return False


def building_jobs(docs):
    return [name for name, job in jobs(docs).items() if builds(job)]


def build_job(docs):
    found = building_jobs(docs)
    return found[0] if len(found) == 1 else None


# steps.<id>.outputs.digest in an expression, spaces already removed: the id as GitHub spells
# one (a letter or _, then letters, digits, - and _). A fixed pattern over the candidate's text.
STEP_DIGEST = re.compile(r'steps\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.digest(?![A-Za-z0-9_-])')
# Actions whose step outputs a pushed image's digest.
DIGEST_ACTIONS = ('docker/build-push-action', 'redhat-actions/push-to-registry')


def declared_digests(docs):
    # The build job's outputs that read a step's outputs.digest: [(output, step id)].
    name = build_job(docs)
    outputs = dig(jobs(docs), name, 'outputs') if name else None
    if not isinstance(outputs, dict):
        return []
    found = []
    for key, value in outputs.items():
        if isinstance(value, str):
            match = STEP_DIGEST.search(flat(value).replace(' ', ''))
            if match:
                found.append((key, match.group(1)))
    return found


def digest_outputs(docs):
    return [key for key, _ in declared_digests(docs)]


def step_index(job, step_id):
    # Expressions compare names without case.
    for index, step in enumerate(steps(job)):
        if isinstance(step.get('id'), str) and step['id'].lower() == step_id.lower():
            return index
    return None


def writes_outputs(step):
    run = step.get('run')
    return isinstance(run, str) and ('GITHUB_OUTPUT' in run or '::set-output' in run)


def digest_fault(job, job_name, output, step_id):
    # Why the build job's output would be empty, or None when a step with that id gives a digest:
    # the build step itself, or a run step at or after it that writes its outputs.
    index = step_index(job, step_id)
    if index is None:
        return 'job %s takes %s from steps.%s.outputs.digest, but no step of job %s has id: %s, so the output is always empty' % (
            shown(job_name), shown(output), step_id, shown(job_name), step_id)
    step = steps(job)[index]
    uses = step.get('uses')
    if isinstance(uses, str):
        if uses.split('@')[0] in DIGEST_ACTIONS:
            return None
        return 'job %s takes %s from step %s (%s), which does not build or push the image and has no digest output' % (
            shown(job_name), shown(output), shown(step_id), shown(uses.split('@')[0]))
    if not writes_outputs(step):
        return 'job %s takes %s from step %s, which does not build or push the image and writes no digest to $GITHUB_OUTPUT' % (
            shown(job_name), shown(output), shown(step_id))
    first_build = min(i for i, s in enumerate(steps(job)) if builds({'steps': [s]}))
    if index < first_build:
        return 'job %s takes %s from step %s, which runs before the image is built' % (shown(job_name), shown(output), shown(step_id))
    return None


def environment_of(job):
    env = job.get('environment')
    if isinstance(env, dict):
        env = env.get('name')
    return env if isinstance(env, str) else None


def jobs_for(docs, environment):
    return [name for name, job in jobs(docs).items() if environment_of(job) == environment]


def needs(job):
    value = job.get('needs')
    if isinstance(value, str):
        return [value]
    return [n for n in as_list(value) if isinstance(n, str)]


def all_needs(docs, name):
    # Every job this one waits for, directly or through others.
    seen, todo = set(), [name]
    while todo:
        job = jobs(docs).get(todo.pop())
        for need in needs(job) if job else []:
            if need not in seen:
                seen.add(need)
                todo.append(need)
    return seen


SHELLS = ('sh', 'bash', 'dash', 'zsh')
ASSIGNMENT = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*)=(.*)$')


def program(words):
    # A command's words from the program it runs: past VAR=value prefixes, sudo, env, time, and
    # the shell that runs a script file (bash ./deploy.sh).
    words = list(words)
    while words and (ASSIGNMENT.match(words[0]) or words[0] in ('sudo', 'env', 'time', 'exec', 'command', '!')):
        words = words[1:]
    if len(words) > 1 and words[0].split('/')[-1] in SHELLS and not words[1].startswith('-'):
        words = words[1:]
    return words


def commands(script):
    # Each command of a run script, as its words.
    return [words for statement in shell_parse(script) for _, pipeline in statement for words in pipeline]


PUSHERS = (('docker', 'push'), ('docker', 'image'), ('podman', 'push'), ('buildah', 'push'), ('skopeo', 'copy'), ('crane', 'push'))


def truthy_input(value):
    # A with: value that is true, or an expression (push: an expression on github.event_name, say).
    if value is True:
        return True
    if not isinstance(value, str):
        return False
    text = value.strip().lower()
    return text == 'true' or (text.startswith('$' + '{{') and text.replace(' ', '') != '$' + '{{false}}')


def push_fault(job, job_name):
    # None when the build job pushes the image it builds, else why it does not: a digest names
    # bytes in the registry, and an image left on the runner cannot be pulled by a later job.
    unpushed = None
    for step in steps(job):
        uses = step.get('uses')
        action = uses.split('@')[0] if isinstance(uses, str) else None
        inputs = step.get('with') if isinstance(step.get('with'), dict) else {}
        if action == 'redhat-actions/push-to-registry':
            return None
        if action == 'docker/build-push-action':
            outputs = ' '.join(str(v) for v in (inputs.get('outputs'), inputs.get('output')) if v is not None)
            if truthy_input(inputs.get('push')) or 'type=registry' in outputs or 'push=true' in outputs:
                return None
            unpushed = 'step %s (docker/build-push-action) has %s' % (
                shown(step.get('id') or step.get('name') or action), 'push: %s' % shown(inputs.get('push')) if 'push' in inputs else 'no push: true (it does not push by default)')
        run = step.get('run')
        if isinstance(run, str):
            for words in commands(run):
                command = program(words)
                if tuple(command[:2]) in PUSHERS and (command[1] != 'image' or command[2:3] == ['push']):
                    return None
                text = ' '.join(command)
                if command[:1] in (['docker'], ['podman'], ['buildah']) and 'build' in command and (
                        '--push' in command or 'type=registry' in text or 'push=true' in text):
                    return None
    return 'job %s never pushes the image: %s, so its digest names an image that is not in the registry and staging and production cannot pull it' % (
        shown(job_name), unpushed or 'no push: true, --push or docker push')


# Steps that set a job up rather than deploy: their inputs are not a deploy.
SETUP_ACTIONS = ('actions/checkout', 'actions/cache', 'actions/upload-artifact', 'actions/download-artifact', 'actions/setup-',
                 'docker/login-action', 'docker/setup-', 'aws-actions/configure-aws-credentials', 'azure/login', 'google-github-actions/auth')
DEPLOY_TOOLS = ('kubectl', 'helm', 'docker', 'podman', 'gcloud', 'aws', 'az', 'flyctl', 'fly', 'argocd', 'kustomize', 'nomad',
                'ssh', 'oc', 'kamal', 'skaffold', 'terraform', 'ecs-deploy')
ENV_EXPRESSION = re.compile(r'\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}')
STEP_OUTPUT = re.compile(r'\$\{\{\s*steps\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}')
SHELL_VARIABLE = re.compile(r'\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?')
EXPRESSION = re.compile(r'\$\{\{(.*?)\}\}')


def resolved(text, values, outputs):
    # A value with the env variables and earlier step outputs the step sees put in (two rounds,
    # for one variable set from another); what is unknown stays as written.
    text = str(text)
    for _ in range(2):
        text = ENV_EXPRESSION.sub(lambda m: values.get(m.group(1), m.group(0)), text)
        text = STEP_OUTPUT.sub(lambda m: outputs.get((m.group(1).lower(), m.group(2)), m.group(0)), text)
        text = SHELL_VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    return EXPRESSION.sub(lambda m: '$' + '{{' + m.group(1).replace(' ', '') + '}}', text)


def scope_env(*scopes):
    values = {}
    for scope in scopes:
        if isinstance(scope, dict):
            values.update({str(k): str(v) for k, v in scope.items() if isinstance(v, (str, int, float)) and not isinstance(v, bool)})
    return values


def deploys(docs, job):
    # What the job deploys with, each as the text it runs with values put in: every command of a
    # run step that calls deploy.sh or a deploy tool, and every action that is not a setup step
    # (with its inputs). An echo or a step's name is not a deploy. Returns [(is deploy.sh, text)].
    found, outputs = [], {}
    for step in steps(job):
        values = scope_env(workflow(docs).get('env'), job.get('env'), step.get('env'))
        uses, run = step.get('uses'), step.get('run')
        if isinstance(run, str):
            step_id = step.get('id') if isinstance(step.get('id'), str) else None
            for words in commands(run):
                words = [resolved(w, values, outputs) for w in words]
                if words[0] in ('export', 'readonly', 'declare', 'local'):
                    words = words[1:]
                if words and all(ASSIGNMENT.match(w) for w in words):
                    values.update(dict(ASSIGNMENT.match(w).groups() for w in words))
                    continue
                command = program(words)
                if not command:
                    continue
                name = command[0].split('/')[-1]
                if name in ('echo', 'printf'):
                    # echo "image=..." >> "$GITHUB_OUTPUT" hands a later step a value.
                    if step_id and 'GITHUB_OUTPUT' in ' '.join(command):
                        for word in command[1:]:
                            match = re.match(r'^([A-Za-z_][A-Za-z0-9_-]*)=(.*)$', word)
                            if match:
                                outputs[(step_id.lower(), match.group(1))] = match.group(2)
                    continue
                if name == 'deploy.sh' or name in DEPLOY_TOOLS:
                    found.append((name == 'deploy.sh', ' '.join(command)))
        elif isinstance(uses, str) and not uses.split('@')[0].startswith(SETUP_ACTIONS):
            inputs = step.get('with') if isinstance(step.get('with'), dict) else {}
            text = ' '.join('%s: %s' % (k, resolved(v, values, outputs)) for k, v in inputs.items() if isinstance(v, (str, int, float)))
            found.append((False, '%s with %s' % (uses.split('@')[0], text or 'no inputs')))
    return found


IMAGE = 'ghcr.io/example/shop'
IMAGE_REF = re.compile(re.escape(IMAGE) + r'(?![A-Za-z0-9_./-])([:@][^\s"\',;]*)?')


def moving_refs(text, pinned):
    # The image references a deploy names by a tag rather than a digest: shop:latest, shop:<sha>,
    # any :latest; a bare repository (which means :latest) unless the deploy passes the digest
    # beside it (helm's image.repository and image.digest).
    found = []
    for match in IMAGE_REF.finditer(text):
        rest = match.group(1) or ''
        if '@' not in rest and (rest or not pinned):
            found.append(match.group(0))
    found += [w for w in text.split() if ':latest' in w and '@' not in w and IMAGE not in w]
    return found


def short(text):
    text = ' '.join(str(text).split())
    return text if len(text) <= 70 else text[:67] + '...'


@check('one-build')
def one_build(docs):
    if not jobs(docs):
        return False, 'the workflow has no jobs'
    found = building_jobs(docs)
    if len(found) != 1:
        return False, '%d jobs build an image (%s)' % (len(found), ', '.join(found) or 'none')
    return True, 'job %s builds the image' % shown(found[0])


@check('digest-output')
def digest_output(docs):
    name = build_job(docs)
    if name is None:
        return False, 'there is no single build job'
    found = declared_digests(docs)
    if not found:
        return False, 'job %s has no output taken from a step\'s outputs.digest' % shown(name)
    faults = [digest_fault(jobs(docs)[name], name, output, step_id) for output, step_id in found]
    for (output, step_id), fault in zip(found, faults):
        if fault is None:
            unpushed = push_fault(jobs(docs)[name], name)
            if unpushed:
                return False, unpushed
            return True, 'job %s pushes the image and outputs %s from step %s' % (shown(name), shown(output), shown(step_id))
    return False, faults[0]


def deploy_job(docs, environment):
    found = jobs_for(docs, environment)
    return found[0] if len(found) == 1 else None


@check('staging')
def staging(docs):
    found = jobs_for(docs, 'staging')
    if len(found) != 1:
        return False, '%d jobs use environment staging, expected one' % len(found)
    build = build_job(docs)
    if build is None or build not in all_needs(docs, found[0]):
        return False, 'job %s does not need the build job' % shown(found[0])
    return True, 'job %s deploys to staging after %s' % (shown(found[0]), shown(build))


@check('production-gate')
def production_gate(docs):
    found = jobs_for(docs, 'production')
    if len(found) != 1:
        return False, '%d jobs use environment production, expected one' % len(found)
    stage = deploy_job(docs, 'staging')
    if stage is None or stage not in all_needs(docs, found[0]):
        return False, 'job %s does not wait for the staging job' % shown(found[0])
    return True, 'job %s uses environment production after %s' % (shown(found[0]), shown(stage))


def deploy_text(job):
    # What a job runs and passes on: run scripts, action inputs and environment, never names.
    parts = [job.get('env')]
    for step in steps(job):
        parts += [step.get('run'), step.get('with'), step.get('env')]
    texts = []
    for part in parts:
        if isinstance(part, dict):
            texts += [str(v) for v in part.values() if isinstance(v, (str, int, float))]
        elif isinstance(part, str):
            texts.append(part)
    return flat(' '.join(texts)).replace(' ', '')


@check('same-digest')
def same_digest(docs):
    build = build_job(docs)
    outputs = digest_outputs(docs)
    if build is None or not outputs:
        return False, 'there is no build job with a digest output to deploy'
    wanted = ['needs.%s.outputs.%s' % (build, o) for o in outputs]
    for environment in ('staging', 'production'):
        name = deploy_job(docs, environment)
        if name is None:
            return False, 'there is no single %s job' % environment
        job = jobs(docs)[name]
        if builds(job):
            return False, 'job %s builds its own image' % shown(name)
        calls = deploys(docs, job)
        if not calls:
            return False, 'job %s runs no deploy: no ./deploy.sh, deploy tool or deploy action step' % shown(name)
        for _, text in calls:
            pinned = any(w in text.replace(' ', '') for w in wanted)
            moving = moving_refs(text, pinned)
            if moving:
                return False, 'job %s deploys %s%s, a tag that can point at another image by the time it runs; deploy %s@%s' % (
                    shown(name), shown(moving[0]), ' (which means :latest)' if moving[0] == IMAGE else '', IMAGE, '$' + '{{ %s }}' % wanted[0])
        for script, text in calls:
            if script and not any(w in text.replace(' ', '') for w in wanted):
                return False, 'job %s runs %s, which does not pass %s' % (shown(name), short(text), wanted[0])
        used = [w for w in wanted if any(w in text.replace(' ', '') for _, text in calls)]
        if not used:
            elsewhere = any(w in deploy_text(job) for w in wanted)
            return False, 'job %s deploys with %s, which does not use %s%s' % (
                shown(name), short(calls[0][1]), wanted[0], ' (only a command that is not the deploy does)' if elsewhere else '')
        # The needs context holds only the jobs listed in this job's own needs, not the jobs those
        # wait for (all_needs is right for ordering, not for reading outputs).
        if build.lower() not in [n.lower() for n in needs(job)]:
            return False, 'job %s reads %s, but %s is not in its own needs (%s): a job sees the outputs of the jobs it lists itself, not of the jobs they wait for, so the value is empty' % (
                shown(name), used[0], shown(build), ', '.join(shown(n) for n in needs(job)) or 'none')
    return True, 'staging and production deploy %s' % wanted[0]
`,
};
