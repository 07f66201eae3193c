// The Bash world kit's fakes answer as the real tools would and record what they did as events
// the checks match literally. Scripts are graded against these answers, so they are pinned here.
import { describe, expect, it } from 'vitest';
import { answerKitCall } from '@/grading/harnesses/bash-kit/answer-kit-call';
import { answerKitCallAtOnce } from '../../../support/answer-kit-call-at-once';
import { createKitWorld, type TreeComparison } from '@/grading/harnesses/bash-kit/kit-world';
import { renderJsonPath } from '@/grading/harnesses/bash-kit/kubectl-jsonpath';
import { WorldSpecSchema, type WorldSpec } from '@/grading/harnesses/bash-kit/world-spec';

const OLD = 'registry.example.com/shop/web:2.0.0';
const NEW = 'registry.example.com/shop/web:2.1.0';

function host(spec: unknown) {
  const world = createKitWorld(WorldSpecSchema.parse(spec) as WorldSpec);
  return { world, run: (...argv: string[]) => answerKitCallAtOnce(world, argv), events: () => world.events.map((e) => e.text) };
}

const dockerHost = (newStatuses = [503, 200]) =>
  host({
    units: { 'docker.service': 'active' },
    docker: { images: [OLD], containers: [{ name: 'web', image: OLD }] },
    http: [{ url: 'http://127.0.0.1:8080/healthz', container: 'web', statuses: [200], byImage: { [NEW]: newStatuses } }],
  });

describe('curl against the world', () => {
  it('answers from the sequence of the image the container runs, the last status repeating', () => {
    const { run, events } = dockerHost();
    expect(run('curl', '-fsS', 'http://127.0.0.1:8080/healthz')).toMatchObject({ code: 0, out: '{"status":"ok"}\n' });
    run('docker', 'rm', '-f', 'web');
    expect(run('curl', '-fsS', 'http://127.0.0.1:8080/healthz')).toMatchObject({ code: 7, err: expect.stringContaining("Couldn't connect") });
    expect(run('docker', 'run', '-d', '--name', 'web', NEW).code).toBe(0);
    expect(run('curl', '-fsS', 'http://127.0.0.1:8080/healthz')).toMatchObject({ code: 22, err: 'curl: (22) The requested URL returned error: 503\n' });
    expect(run('curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://127.0.0.1:8080/healthz')).toMatchObject({ code: 0, out: '200' });
    expect(run('curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'http://127.0.0.1:8080/healthz')).toMatchObject({ code: 0, out: '200\n' });
    expect(events()).toEqual([
      `curl http://127.0.0.1:8080/healthz 200`,
      'docker stop web',
      'docker rm web',
      'curl http://127.0.0.1:8080/healthz refused',
      `docker run web ${NEW}`,
      'curl http://127.0.0.1:8080/healthz 503',
      'curl http://127.0.0.1:8080/healthz 200',
      'curl http://127.0.0.1:8080/healthz 200',
    ]);
  });

  it('refuses a URL with a space or control character as curl does, and names a known endpoint by its own URL', () => {
    const { run, events } = dockerHost();
    expect(run('curl', '-sS', 'http://127.0.0.1:8080/healthz 200')).toMatchObject({ code: 3, err: 'curl: (3) URL using bad/illegal format or missing URL\n' });
    expect(run('curl', '-s', 'http://127.0.0.1:8080/healthz\t')).toMatchObject({ code: 3, err: '' });
    run('docker', 'rm', '-f', 'web');
    expect(run('curl', '-s', 'http://127.0.0.1:8080/healthz/').code).toBe(7);
    expect(run('curl', '-s', 'http://127.0.0.1:8080/healthzX').code).toBe(7);
    expect(events()).toEqual(['docker stop web', 'docker rm web', 'curl http://127.0.0.1:8080/healthz refused', 'curl http://127.0.0.1:8080/healthzX refused']);
  });

  it('reports a request that gets no response as exit 28 after --max-time, and consumes one status per --retry attempt', () => {
    const { run, world } = host({ http: [{ url: 'http://x/health', statuses: [0, 503, 200] }] });
    expect(run('curl', '-s', '-m', '2', '-w', '%{http_code}', 'http://x/health')).toMatchObject({ code: 28, out: '000', err: '' });
    expect(run('curl', '-f', '--max-time=0.5', '--retry', '3', 'http://x/health').code).toBe(0);
    // curl's own wait before its retry is recorded as a sleep (fake-curl-retry.test.ts).
    expect(world.events.map((e) => e.text)).toEqual(['curl http://x/health 0', 'curl http://x/health 503', 'sleep 1', 'curl http://x/health 200']);
    expect(host({ http: [{ url: 'http://x/health', statuses: [0] }] }).run('curl', '-sS', '--max-time', '5', 'http://x/health')).toEqual({
      code: 28,
      out: '',
      err: 'curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received\n',
    });
    expect(host({ http: [{ url: 'http://x/health', statuses: [0] }] }).run('curl', '-S', '-y', '3', 'http://x/health')).toMatchObject({
      code: 28,
      err: 'curl: (28) Operation too slow. Less than 1 bytes/sec transferred the last 3 seconds\n',
    });
    // --speed-limit alone: curl checks it over 30 s (review).
    expect(host({ http: [{ url: 'http://x/health', statuses: [0] }] }).run('curl', '-S', '-Y', '100', 'http://x/health')).toMatchObject({
      code: 28,
      err: 'curl: (28) Operation too slow. Less than 100 bytes/sec transferred the last 30 seconds\n',
    });
    expect(host({ http: [{ url: 'http://x/health', statuses: [0] }] }).run('curl', '-S', '-Y', '0', 'http://x/health').hangs).toContain('curl waited on');
  });

  // A review: with no --max-time the fake still answered exit 28 "after 2001 milliseconds", where
  // a real curl waits on a hung /healthz for ever. Now the call never answers (the relay holds it).
  it('never answers a request that gets no response when nothing bounds the transfer', () => {
    for (const bound of [[], ['--connect-timeout', '2'], ['--max-time', '0'], ['--retry', '3'], ['--retry-max-time', '10']]) {
      const { run, world } = host({ http: [{ url: 'http://x/health', statuses: [0, 200] }] });
      const answer = run('curl', '-fsS', ...bound, 'http://x/health');
      expect(answer.hangs, bound.join(' ')).toContain('curl waited on http://x/health');
      expect(world.events.map((e) => e.text), bound.join(' ')).toEqual(['curl http://x/health 0']);
    }
    const hung = (...args: string[]) => host({ http: [{ url: 'http://x/health', statuses: [0] }] }).run('curl', ...args, 'http://x/health').hangs;
    expect(hung('-s')).toContain('with no --max-time (-m)');
    expect(hung('-s', '--connect-timeout', '3')).toContain('--connect-timeout, which bounds only the connection');
    expect(hung('-s', '-m', '3')).toBeUndefined();
    // An endpoint that answers is never a hang, bound or not.
    expect(host({ http: [{ url: 'http://x/health', statuses: [503] }] }).run('curl', '-s', 'http://x/health').hangs).toBeUndefined();
  });

  it('refuses a time option that is not a number, as curl does', () => {
    const { run, events } = host({ http: [{ url: 'http://x/health', statuses: [200] }] });
    expect(run('curl', '-s', '--max-time', '2s', 'http://x/health')).toEqual({
      code: 2,
      out: '',
      err: "curl: option --max-time: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    });
    expect(run('curl', '-s', '--connect-timeout', '-1', 'http://x/health').code).toBe(2);
    expect(run('curl', '-s', '-m', '1.5', 'http://x/health').code).toBe(0);
    expect(events()).toEqual(['curl http://x/health 200']);
  });
});

describe('docker, systemctl and sleep in the kit', () => {
  it('answers docker as the daemon would only while docker.service is active', () => {
    const { run, events } = host({ units: { 'docker.service': 'inactive' }, docker: { images: [OLD] } });
    expect(run('docker', 'pull', NEW)).toMatchObject({ code: 1, err: expect.stringContaining('Cannot connect to the Docker daemon') });
    expect(run('systemctl', 'start', 'docker').code).toBe(0);
    expect(run('docker', 'pull', NEW).code).toBe(0);
    expect(events()).toEqual([`docker pull ${NEW}`, 'systemctl start docker.service', `docker pull ${NEW}`]);
  });

  it('marks a bound of the docker model, which real docker does not have, as the grader\'s limit', () => {
    const { run } = host({ units: { 'docker.service': 'active' }, docker: { images: [OLD] } });
    const answers = Array.from({ length: 40 }, (_, i) => run('docker', 'create', '--name', `c${i}`, OLD));
    expect(answers[0]).toMatchObject({ code: 0 });
    expect(answers[0]!.unmodelled).toBeUndefined();
    expect(answers.at(-1)).toMatchObject({ code: 125, unmodelled: expect.stringMatching(/^a request this grader does not support: Error response from daemon: this host holds at most \d+ containers \(a limit of the grader's model\)$/) });
  });

  it('passes docker\'s refusal of a real command it does not model through as the grader\'s limit, and records nothing', () => {
    const { run, events } = dockerHost();
    expect(run('docker', 'exec', 'web', 'curl', '-fsS', 'localhost:8080/healthz')).toMatchObject({ code: 1, out: '', unmodelled: 'a command this grader does not support: docker exec' });
    expect(run('docker', 'network', 'ls')).toMatchObject({ code: 1, unmodelled: 'a command this grader does not support: docker network ls' });
    expect(run('docker', 'exce', 'web')).toEqual({ code: 1, out: '', err: "docker: 'exce' is not a docker command.\nSee 'docker --help'\n" });
    expect(run('docker', 'ps', '-q').unmodelled).toBeUndefined();
    expect(events()).toEqual([]);
  });

  it('records a rename, so a container parked and put back reads as one kept, not one re-created', () => {
    const { run, events, world } = dockerHost([503]);
    const id = world.initialContainers.get('web');
    for (const argv of [['docker', 'stop', 'web'], ['docker', 'rename', 'web', 'web-prev'], ['docker', 'run', '-d', '--name', 'web', NEW]]) expect(run(...argv).code).toBe(0);
    expect(run('curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '2', 'http://127.0.0.1:8080/healthz')).toMatchObject({ code: 0, out: '503' });
    for (const argv of [['docker', 'rm', '-f', 'web'], ['docker', 'rename', 'web-prev', 'web'], ['docker', 'start', 'web']]) expect(run(...argv).code).toBe(0);
    expect(run('curl', '-fsS', 'http://127.0.0.1:8080/healthz').code).toBe(0);
    expect(events()).toEqual([
      'docker stop web',
      'docker rename web web-prev',
      `docker run web ${NEW}`,
      'curl http://127.0.0.1:8080/healthz 503',
      'docker stop web',
      'docker rm web',
      'docker rename web-prev web',
      'docker start web',
      'curl http://127.0.0.1:8080/healthz 200',
    ]);
    expect(world.host.containers).toEqual([expect.objectContaining({ id, name: 'web', running: true, imageRef: OLD })]);
  });

  it('refuses docker info while docker.service is down, as the real one does', () => {
    const { run, events } = host({ units: { 'docker.service': 'inactive' }, docker: { images: [OLD], containers: [{ name: 'web', image: OLD }] } });
    expect(run('docker', 'info')).toMatchObject({ code: 1, out: expect.stringContaining('ERROR: Cannot connect to the Docker daemon'), err: 'errors pretty printing info\n' });
    expect(run('docker', 'rename', 'web', 'web-prev').code).toBe(1);
    expect(events()).toEqual([]);
  });

  it('records sleeps in seconds and refuses what sleep would refuse', () => {
    const { run, events } = host({});
    expect(run('sleep', '2').code).toBe(0);
    expect(run('sleep', '1m').code).toBe(0);
    expect(run('sleep', '0.5').code).toBe(0);
    expect(run('sleep', 'soon')).toMatchObject({ code: 1, err: "sleep: invalid time interval 'soon'\n" });
    expect(events()).toEqual(['sleep 2', 'sleep 60', 'sleep 0.5']);
  });
});

describe('kubectl', () => {
  const cluster = (failing: { deployment: string; image: string }[] = []) =>
    host({ kubernetes: { namespace: 'shop', deployments: [{ name: 'api', container: 'api', image: OLD }], failing } });

  it('sets an image, reports its rollout and undoes it to the previous revision', () => {
    const { run, world, events } = cluster([{ deployment: 'api', image: NEW }]);
    expect(run('kubectl', '-n', 'shop', 'set', 'image', 'deployment/api', `api=${NEW}`)).toMatchObject({ code: 0, out: 'deployment.apps/api image updated\n' });
    expect(run('kubectl', 'rollout', 'status', 'deploy/api', '--namespace=shop', '--timeout=60s')).toMatchObject({ code: 1, err: 'error: deployment "api" exceeded its progress deadline\n' });
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment', 'api')).toMatchObject({ code: 0, out: 'deployment.apps/api rolled back\n' });
    expect(run('kubectl', '-n', 'shop', 'rollout', 'status', 'deployment/api')).toMatchObject({ code: 0, out: 'deployment "api" successfully rolled out\n' });
    expect(world.kube?.deployments[0]?.revisions).toEqual([OLD, NEW, OLD]);
    expect(events()).toEqual([`kubectl set-image api ${NEW}`, 'kubectl rollout-status api failed', 'kubectl rollout-undo api', 'kubectl rollout-status api complete']);
  });

  it('answers NotFound outside the namespace and for a wrong container name', () => {
    const { run } = cluster();
    expect(run('kubectl', 'set', 'image', 'deployment/api', `api=${NEW}`)).toMatchObject({ code: 1, err: 'Error from server (NotFound): deployments.apps "api" not found\n' });
    expect(run('kubectl', '-n', 'shop', 'set', 'image', 'deployment/api', `web=${NEW}`)).toMatchObject({ code: 1, err: 'error: unable to find container named "web"\n' });
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api')).toMatchObject({ code: 1, err: 'error: no rollout history found for deployment "api"\n' });
  });

  it('refuses a --to-revision that is not an integer, as pflag does, before it looks anything up or changes anything', () => {
    const { run, world, events } = cluster();
    run('kubectl', '-n', 'shop', 'set', 'image', 'deployment/api', `api=${NEW}`);
    const refusal = (text: string) =>
      `error: invalid argument "${text}" for "--to-revision" flag: strconv.ParseInt: parsing "${text}": invalid syntax\nSee 'kubectl rollout undo --help' for usage.\n`;
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/web', '--to-revision=abc')).toEqual({ code: 1, out: '', err: refusal('abc') });
    for (const text of ['', '1.5', '08', '1__0', '2_', '-', '0x']) {
      expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', '--to-revision', text)).toEqual({ code: 1, out: '', err: refusal(text) });
    }
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', '--to-revision=abc', '--to-revision=1')).toMatchObject({ code: 1, err: refusal('abc') });
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', '--to-revision=99999999999999999999')).toMatchObject({
      code: 1,
      err: expect.stringContaining('parsing "99999999999999999999": value out of range\n'),
    });
    expect(world.kube?.deployments[0]?.revisions).toEqual([OLD, NEW]);
    expect(events()).toEqual([`kubectl set-image api ${NEW}`]);
  });

  it('reads --to-revision as Go reads an integer: 0 is the previous revision, a negative or missing one is not in history', () => {
    const { run, world, events } = cluster();
    run('kubectl', '-n', 'shop', 'set', 'image', 'deployment/api', `api=${NEW}`);
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', '--to-revision=-1')).toEqual({ code: 1, out: '', err: 'error: unable to find specified revision -1 in history\n' });
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', '--to-revision=3')).toEqual({ code: 1, out: '', err: 'error: unable to find specified revision 3 in history\n' });
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', '--to-revision=9223372036854775807').err).toBe('error: unable to find specified revision 9223372036854775807 in history\n');
    expect(world.kube?.deployments[0]?.revisions).toEqual([OLD, NEW]);
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', '--to-revision=0').code).toBe(0);
    expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', '--to-revision', '+2').code).toBe(0);
    // "0b1", "01" (octal) and "0_1" are all revision 1 to Go.
    for (const text of ['0b1', '01', '0_1']) expect(run('kubectl', '-n', 'shop', 'rollout', 'undo', 'deployment/api', `--to-revision=${text}`).code).toBe(0);
    expect(world.kube?.deployments[0]?.revisions).toEqual([OLD, NEW, OLD, NEW, OLD, OLD, OLD]);
    expect(events().filter((e) => e === 'kubectl rollout-undo api')).toHaveLength(5);
  });

  it('prints jsonpath, and refuses a template it cannot read instead of guessing', () => {
    const { run } = cluster();
    expect(run('kubectl', '-n', 'shop', 'get', 'deployment', 'api', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toMatchObject({ code: 0, out: OLD });
    expect(renderJsonPath('{.items[*].name}{"\\n"}', { items: [{ name: 'a' }, { name: 'b' }] })).toEqual({ text: 'a b\n' });
    // Nested ranges are outside the model: refused as the grader's limit, not guessed at.
    expect(renderJsonPath('{range .items[*]}{range .x[*]}{.name}{end}{end}', { items: [] })).toEqual({ unsupported: 'a range inside a range' });
    expect(renderJsonPath('{.items[*].name}\\n', { items: [{ name: 'a' }, { name: 'b' }] })).toEqual({ text: 'a b\n' });
    expect(renderJsonPath('{.a[', { a: [] })).toEqual({ parseError: 'unterminated array' });
  });

  // A careful script shows why a rollout failed before it undoes it; refusing these made the checks
  // after them unjudged.
  it('describes a Deployment with the counts get shows, and answers logs read only', () => {
    const { run, world, events } = cluster([{ deployment: 'api', image: NEW }]);
    run('kubectl', '-n', 'shop', 'set', 'image', 'deployment/api', `api=${NEW}`);
    const described = run('kubectl', '-n', 'shop', 'describe', 'deployment', 'api');
    expect(described.code).toBe(0);
    expect(described.out).toContain('Name:                   api\nNamespace:              shop\n');
    expect(described.out).toContain('Replicas:               3 desired | 1 updated | 3 total | 2 available | 1 unavailable\n');
    expect(described.out).toContain(`    Image:        ${NEW}\n`);
    expect(described.out).toContain('  Progressing    False   ProgressDeadlineExceeded\n');
    expect(run('kubectl', 'describe', 'deploy/api', '-n', 'shop').out).toBe(described.out);
    expect(run('kubectl', '-n', 'shop', 'describe', 'deployments').out).toBe(described.out);
    expect(run('kubectl', '-n', 'shop', 'describe', 'pods', '-l', 'app=api')).toEqual({ code: 0, out: '', err: 'No resources found in shop namespace.\n' });
    expect(run('kubectl', 'describe', 'deployment', 'api')).toMatchObject({ code: 1, err: 'Error from server (NotFound): deployments.apps "api" not found\n' });
    expect(run('kubectl', '-n', 'shop', 'logs', 'deployment/api', '--tail', '50', '-c', 'api')).toEqual({ code: 0, out: '', err: '' });
    expect(run('kubectl', '-n', 'shop', 'logs', '-l', 'app=api')).toEqual({ code: 0, out: '', err: 'No resources found in shop namespace.\n' });
    expect(run('kubectl', '-n', 'shop', 'logs', 'api-7d9c5b6f4-x2x9k')).toMatchObject({ code: 1, err: 'Error from server (NotFound): pods "api-7d9c5b6f4-x2x9k" not found\n' });
    expect(run('kubectl', '-n', 'shop', 'logs', 'pod/api-1')).toMatchObject({ code: 1, err: 'Error from server (NotFound): pods "api-1" not found\n' });
    expect(run('kubectl', '-n', 'shop', 'logs', 'deployment/web')).toMatchObject({ code: 1, err: 'Error from server (NotFound): deployments.apps "web" not found\n' });
    expect(run('kubectl', '-n', 'shop', 'logs').code).toBe(1);
    // Read only: nothing changed, nothing recorded beyond the set image.
    expect(world.kube?.deployments[0]?.revisions).toEqual([OLD, NEW]);
    expect(events()).toEqual([`kubectl set-image api ${NEW}`]);
    const healthy = cluster().run('kubectl', '-n', 'shop', 'describe', 'deployment/api').out;
    expect(healthy).toContain('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n');
    expect(healthy).toContain('  Available      True    MinimumReplicasAvailable\n');
  });

  it('marks a refusal of what real kubectl runs but this model does not as the grader\'s limit, and only that', () => {
    const { run } = cluster();
    const get = (output: string) => run('kubectl', '-n', 'shop', 'get', 'deployment', 'api', '-o', output);
    expect(get('jsonpath={.spec.template.spec.containers[?(@.name=="api")].image}')).toEqual({ code: 0, out: OLD, err: '' });
    expect(get('jsonpath={..image}')).toMatchObject({ code: 1, unmodelled: 'an expression this grader does not support: -o jsonpath={..image} (recursive descent (..))' });
    expect(get('yaml')).toMatchObject({ code: 1, unmodelled: 'an output format this grader does not support: -o yaml' });
    expect(run('kubectl', '-n', 'shop', 'wait', '--for=condition=available', 'deployment/api')).toMatchObject({ code: 1, unmodelled: 'a command this grader does not support: kubectl wait' });
    expect(run('kubectl', '-n', 'shop', 'set', 'env', 'deployment/api', 'A=1')).toMatchObject({ code: 1, unmodelled: 'a command this grader does not support: kubectl set env' });
    // Real kubectl's own errors: the script's mistake, not the grader's limit.
    for (const answer of [get('jsonpath={.spec.template.spec.containers[3].image}'), get('jsonpath={.spec'), get('yml'), run('kubectl', 'rollout-status', 'api')]) {
      expect(answer.code).toBe(1);
      expect(answer.unmodelled).toBeUndefined();
    }
    expect(get('jsonpath={.spec.template.spec.containers[3].image}').err).toContain('Error executing template: array index out of bounds: index 3, length 1');
    expect(get('jsonpath={.spec').err).toBe('error: error parsing jsonpath {.spec, unclosed action\n');
  });

  it('reads only the object\'s own fields, never JavaScript\'s', () => {
    const item = { metadata: { name: 'api' }, spec: { containers: [{ image: 'x' }] } };
    expect(renderJsonPath('{.constructor}|{.__proto__}|{.metadata.hasOwnProperty}|{.spec.containers[*].__proto__.constructor}|{.metadata.name}', item)).toEqual({ text: '||||api' });
  });

  it('stops rendering jsonpath at its output limit, however the template multiplies the object', () => {
    const item = { spec: { blob: 'x'.repeat(2_000) }, items: Array.from({ length: 50 }, () => ({ blob: 'y'.repeat(1_000) })) };
    for (const template of ['{}'.repeat(8_000), '{.items[*]}'.repeat(1_000)]) {
      const rendered = renderJsonPath(template, item, 10_000);
      const out = 'text' in rendered ? rendered.text : '';
      expect(out.length).toBeLessThanOrEqual(10_000);
      expect(out.length).toBeGreaterThan(9_000);
    }
  });
});

describe('nginx', () => {
  it('answers -t as the scenario says and records reloads, through nginx -s or systemctl', () => {
    const { run, events } = host({ units: { 'nginx.service': 'active' }, nginx: { configTest: 'fails' } });
    expect(run('nginx', '-t')).toMatchObject({ code: 1, err: expect.stringContaining('test failed') });
    expect(run('systemctl', 'reload', 'nginx').code).toBe(1);
    expect(events()).toEqual(['nginx test failed', 'nginx reload']);
  });

  it('takes only the signals nginx knows after -s, and records no other word', () => {
    const { run, events } = host({ nginx: { configTest: 'ok' } });
    expect(run('nginx', '-s', 'test ok')).toMatchObject({ code: 1, err: 'nginx: invalid option: "-s test ok"\n' });
    expect(run('nginx', '-s', 'reopen').code).toBe(0);
    expect(events()).toEqual(['nginx reopen']);
  });

  it('follows the tree: fails while the live file is the broken one or cannot be read', async () => {
    const tree = [
      { path: 'up/blue.conf', content: 'blue' },
      { path: 'up/green.conf', content: 'green' },
      { path: 'live.conf', kind: 'symlink', target: 'up/blue.conf' },
    ];
    const world = createKitWorld(WorldSpecSchema.parse({ nginx: { configTest: { live: 'live.conf', broken: 'up/green.conf' } }, tree }));
    const asked: (string | undefined)[][] = [];
    const live: TreeComparison[] = ['different', 'same', 'unreadable', 'same'];
    world.probeTree = async (path, builtAs) => {
      asked.push([path, builtAs]);
      return live.shift()!;
    };
    await expect(answerKitCall(world, ['nginx', '-t'])).resolves.toMatchObject({ code: 0, err: expect.stringContaining('test is successful') });
    // Another call answered while the test waits keeps its own place in the events.
    const pending = answerKitCall(world, ['nginx', '-T']);
    answerKitCallAtOnce(world, ['nginx', '-s', 'reopen']);
    await expect(pending).resolves.toMatchObject({ code: 1, err: expect.stringContaining('app-green:8080') });
    await expect(answerKitCall(world, ['nginx', '-t'])).resolves.toMatchObject({ code: 1, err: expect.stringContaining('host not found in upstream "app"') });
    await expect(answerKitCall(world, ['systemctl', 'reload', 'nginx'])).resolves.toMatchObject({ code: 1 });
    expect(asked).toEqual(Array(4).fill(['live.conf', 'up/green.conf']));
    expect(world.events).toEqual([
      { call: 0, text: 'nginx test ok' },
      { call: 2, text: 'nginx reopen' },
      { call: 1, text: 'nginx test failed' },
      { call: 3, text: 'nginx test failed' },
      { call: 4, text: 'nginx reload' },
    ]);
  });

  it('is our failure, not a verdict, when a tree-reading test has no tree session', () => {
    const world = createKitWorld(WorldSpecSchema.parse({ nginx: { configTest: { live: 'a' } }, tree: [{ path: 'a' }] }));
    expect(() => answerKitCall(world, ['nginx', '-t'])).toThrow('no tree session');
  });
});
