// Configuration question: a GitHub Actions workflow that builds the image once and promotes that
// same digest through staging to a gated production (seeds/content/config-ci-build-once-promote).
export const ciBuildOncePromote = {
  name: 'config-ci-build-once-promote',
  version: 1,
  checks: [
    { id: 'one-build', name: 'The image is built in exactly one job', why: 'a rebuild per environment can produce a different image (new base layers, new dependencies) from the one staging tested' },
    { id: 'digest-output', name: 'The build job outputs the image digest', why: 'later jobs can only deploy the same bytes if the build hands them its immutable digest, not a tag that can move' },
    { id: 'staging', name: 'A staging job deploys after the build', why: 'staging must run the artifact the build produced, so it needs the build job' },
    { id: 'production-gate', name: 'Production deploys only after staging, through a protected environment', why: 'production must wait for staging and pass the production environment\'s protection rules (reviewers, wait timer, branch rules)' },
    { id: 'same-digest', name: 'Staging and production deploy the build\'s digest', why: 'each deploy must use the digest the build job output (needs.<build>.outputs.<name>), so production runs exactly what staging ran' },
  ],
  checker: String.raw`
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


def digest_outputs(docs):
    name = build_job(docs)
    outputs = dig(jobs(docs), name, 'outputs') if name else None
    if not isinstance(outputs, dict):
        return []
    return [key for key, value in outputs.items() if isinstance(value, str) and 'steps.' in value and '.outputs.digest' in flat(value).replace(' ', '')]


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
    found = digest_outputs(docs)
    if not found:
        return False, 'job %s has no output taken from a step\'s outputs.digest' % shown(name)
    return True, 'job %s outputs %s' % (shown(name), shown(found[0]))


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
        if not any(w in deploy_text(job) for w in wanted):
            return False, 'job %s never uses %s in a run, with or env value' % (shown(name), wanted[0])
    return True, 'staging and production deploy %s' % wanted[0]
`,
};
