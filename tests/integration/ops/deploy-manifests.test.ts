// No image can be built or cluster reached here, so the deployment files are checked offline:
// every Kubernetes object validates against the Kubernetes schemas (kubernetes-models), the
// objects agree with each other (selectors, HPA target, probes, config names), probes point at
// routes that exist, and every path the Dockerfile and compose file use exists in the repository.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { findSecretVariables } from '@/runner/build-runner-env';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';

const root = process.cwd();
const base = path.join(root, 'deploy', 'k8s', 'base');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: Record<string, unknown>; data?: Record<string, string> };
type Validator = new (data: never) => { validate(): void };
const MODELS: Record<string, Validator> = {
  'apps/v1/Deployment': Deployment as unknown as Validator,
  'v1/Service': Service as unknown as Validator,
  'v1/ConfigMap': ConfigMap as unknown as Validator,
  'v1/Namespace': Namespace as unknown as Validator,
  'batch/v1/Job': Job as unknown as Validator,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as unknown as Validator,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as unknown as Validator,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy as unknown as Validator,
};

const kustomization = parse(readFileSync(path.join(base, 'kustomization.yaml'), 'utf8')) as { resources: string[]; images: { name: string }[] };
const objects: K8sObject[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(base, file), 'utf8')).map((doc) => doc.toJS() as K8sObject),
);
const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
const deployments = ofKind('Deployment');
type PodSpec = { containers: { image: string; env?: { name: string; value?: string }[]; volumeMounts?: { name: string; mountPath: string }[]; envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[]; livenessProbe?: Probe; readinessProbe?: Probe; startupProbe?: Probe; resources?: { requests?: object; limits?: object }; securityContext?: Record<string, unknown>; ports?: { name: string }[] }[]; securityContext?: Record<string, unknown> };
type Probe = { httpGet?: { path: string; port: string | number } };
const podSpecs = [...deployments, ...ofKind('Job')].map((o) => ((o.spec as { template: { spec: PodSpec } }).template.spec));

describe('Kubernetes manifests (kustomize base)', () => {
  it('lists only files that exist, and every object validates against the Kubernetes schema of its kind', () => {
    expect(objects.length).toBeGreaterThanOrEqual(10);
    for (const object of objects) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(Model, `no schema for ${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate(), `${object.kind}/${object.metadata.name}`).not.toThrow();
    }
  });

  it('rejects what the schema forbids, so the validation above is real', () => {
    const broken = structuredClone(deployments[0]!) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken as never).validate()).toThrow();
  });

  it('has the web Deployment, Service, HPA and PDB, the worker Deployment and the migration Job, wired together', () => {
    const names = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining([
      'Deployment/rehearse-web', 'Service/rehearse-web', 'HorizontalPodAutoscaler/rehearse-web', 'PodDisruptionBudget/rehearse-web',
      'Deployment/rehearse-worker', 'Job/rehearse-migrate', 'ConfigMap/rehearse',
    ]));
    for (const d of deployments) {
      const spec = d.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } };
      expect(spec.template.metadata.labels).toMatchObject(spec.selector.matchLabels);
    }
    const podLabels = deployments.map((d) => (d.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels);
    for (const o of [...ofKind('Service'), ...ofKind('PodDisruptionBudget')]) {
      const selector = (o.spec as { selector: Record<string, string> | { matchLabels: Record<string, string> } }).selector;
      const labels = 'matchLabels' in selector ? (selector.matchLabels as Record<string, string>) : selector;
      expect(podLabels.some((l) => Object.entries(labels).every(([k, v]) => l[k] === v)), `${o.kind}/${o.metadata.name} selects no pods`).toBe(true);
    }
    const target = (ofKind('HorizontalPodAutoscaler')[0]!.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef;
    expect(deployments.map((d) => d.metadata.name)).toContain(target.name);
  });

  it('wires probes to routes that exist, sets resources and a non-root securityContext everywhere', () => {
    const routeFile = (probePath: string) => path.join(root, 'src', 'app', ...probePath.split('?')[0]!.split('/').filter(Boolean), 'route.ts');
    const web = (deployments.find((d) => d.metadata.name === 'rehearse-web')!.spec as { template: { spec: PodSpec } }).template.spec.containers[0]!;
    expect(web.livenessProbe?.httpGet?.path).toBe('/api/health');
    expect(web.readinessProbe?.httpGet?.path).toMatch(/^\/api\/ready/);
    for (const probe of [web.livenessProbe, web.readinessProbe, web.startupProbe]) expect(existsSync(routeFile(probe!.httpGet!.path))).toBe(true);
    const worker = (deployments.find((d) => d.metadata.name === 'rehearse-worker')!.spec as { template: { spec: PodSpec } }).template.spec.containers[0]!;
    expect(read('src/server/observability/serve-worker-metrics.ts')).toContain(`'${worker.livenessProbe!.httpGet!.path}'`);

    for (const pod of podSpecs) {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      for (const c of pod.containers) {
        expect(c.resources?.requests).toBeDefined();
        expect(c.resources?.limits).toBeDefined();
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
        expect(kustomization.images.map((i) => i.name)).toContain(c.image);
      }
    }
  });

  it('configures only settings the app reads, from the ConfigMap and Secret it names', () => {
    const configMap = ofKind('ConfigMap')[0]!;
    const known = read('src/server/env.ts') + read('scripts/worker.ts') + read('src/server/auth.ts');
    for (const key of Object.keys(configMap.data ?? {})) {
      expect(known.includes(key) || key === 'NEXTAUTH_URL', `${key} is read nowhere`).toBe(true);
    }
    for (const pod of podSpecs) {
      if (pod === runnerPod()) continue;
      for (const c of pod.containers) {
        expect(c.envFrom?.map((e) => e.configMapRef?.name ?? e.secretRef?.name)).toEqual(['rehearse', 'rehearse']);
      }
    }
  });
});

const podOf = (name: string) => (deployments.find((d) => d.metadata.name === name)!.spec as { template: { spec: PodSpec & { volumes?: { name: string; secret?: { secretName: string } }[] } } }).template.spec;
const runnerPod = () => podOf('rehearse-runner');

describe('the runner without secrets (Kubernetes)', () => {
  it('is its own Deployment, Service, PDB and NetworkPolicy, and the workers and web pods point at its Service', () => {
    const names = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining(['Deployment/rehearse-runner', 'Service/rehearse-runner', 'PodDisruptionBudget/rehearse-runner', 'NetworkPolicy/rehearse-runner']));
    const service = ofKind('Service').find((o) => o.metadata.name === 'rehearse-runner')!;
    const port = (service.spec as { ports: { port: number }[] }).ports[0]!.port;
    const worker = podOf('rehearse-worker').containers[0]!;
    // The web app runs "Run visible tests" and admin Validate on a runner (src/server/runs/run-pool.ts).
    const web = podOf('rehearse-web').containers[0]!;
    for (const client of [worker, web]) {
      const env = Object.fromEntries((client.env ?? []).map((e) => [e.name, e.value]));
      expect(env.RUNNER_URL, client.image).toBe(`tcp://rehearse-runner:${port}`);
    }
    const runner = runnerPod().containers[0]!;
    expect(Object.fromEntries((runner.env ?? []).map((e) => [e.name, e.value]))).toMatchObject({ RUNNER_URL: `tcp://0.0.0.0:${port}` });
    // All read the token from the same Secret, mounted where RUNNER_TOKEN_FILE says.
    for (const [pod, container] of [[podOf('rehearse-worker'), worker], [podOf('rehearse-web'), web], [runnerPod(), runner]] as const) {
      const file = container.env!.find((e) => e.name === 'RUNNER_TOKEN_FILE')!.value!;
      const mount = container.volumeMounts!.find((m) => file.startsWith(`${m.mountPath}/`))!;
      expect(pod.volumes!.find((v) => v.name === mount.name)?.secret?.secretName).toBe('rehearse-runner');
    }
  });

  it('gives the runner no secret: no envFrom, no secret-looking variable, no service account token', () => {
    const pod = runnerPod() as PodSpec & { automountServiceAccountToken?: boolean };
    expect(pod.automountServiceAccountToken).toBe(false);
    for (const c of pod.containers) {
      expect(c.envFrom).toBeUndefined();
      expect(findSecretVariables(Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value ?? ''])))).toEqual([]);
    }
    const policy = ofKind('NetworkPolicy')[0]!.spec as { policyTypes: string[]; egress: unknown[]; ingress: { from: { podSelector: { matchLabels: Record<string, string> } }[] }[] };
    expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.egress).toEqual([]);
    expect(policy.ingress[0]!.from.map((peer) => peer.podSelector.matchLabels)).toEqual([
      { 'app.kubernetes.io/name': 'rehearse-worker' },
      { 'app.kubernetes.io/name': 'rehearse-web' },
    ]);
  });
});

describe('Dockerfile and compose', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  it('copies only paths that exist in the repository and are not excluded by .dockerignore', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const copies = instructions.filter((l) => /^COPY /.test(l) && !/--from=/.test(l));
    expect(copies.length).toBeGreaterThan(3);
    for (const line of copies) {
      const parts = line.split(/\s+/).slice(1).filter((p) => !p.startsWith('--'));
      for (const source of parts.slice(0, -1)) {
        expect(existsSync(path.join(root, source)), `COPY ${source}`).toBe(true);
        expect(ignored.some((i) => source === i || source.startsWith(`${i}/`)), `${source} is in .dockerignore`).toBe(false);
      }
    }
    expect(ignored).toEqual(expect.arrayContaining(['.data', 'node_modules', '.git']));
  });

  it('runs commands and scripts that exist, with web, worker and migrate targets as the node user', () => {
    const targets = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)/gm)].map((m) => m[1]);
    expect(targets).toEqual(expect.arrayContaining(['web', 'worker', 'runner', 'migrate']));
    for (const script of new Set([...dockerfile.matchAll(/scripts\/[\w./-]+\.(?:ts|mjs)/g)].map((m) => m[0]))) {
      expect(existsSync(path.join(root, script)), script).toBe(true);
    }
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const [, name] of dockerfile.matchAll(/npm run (\S+)/g)) expect(pkg.scripts[name!], `npm run ${name}`).toBeDefined();
    for (const [, bin] of dockerfile.matchAll(/node_modules\/\.bin\/(\S+?)["\s]/g)) expect({ ...pkg.dependencies, ...pkg.devDependencies }[bin!]).toBeDefined();
    expect(pkg.devDependencies.tsx ?? pkg.dependencies.tsx).toBeDefined();
    // Each runtime target ends as the unprivileged user.
    for (const target of ['web', 'worker', 'runner', 'migrate']) {
      const stage = dockerfile.split(/^FROM /m).find((s) => new RegExp(`^\\S+ AS ${target}\\b`).test(s))!;
      const from = /^(\S+)/.exec(stage)![1]!;
      const users = [...stage.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
      const inherited = from === 'app' ? 'node' : undefined;
      expect(users.at(-1) ?? inherited, target).toBe('node');
    }
    expect(dockerfile).toMatch(/bubblewrap/);
  });

  it('ships the runner the C jail helpers compiled in a build stage, where its node user looks for them', () => {
    // compile-native-helper.ts reads ~/.cache/rehearse/native before it looks for a compiler.
    const stage = (name: string) => dockerfile.split(/^FROM /m).find((s) => new RegExp(`^\\S+ AS ${name}\\b`).test(s))!;
    expect(stage('native')).toMatch(/apt-get install[^\n]*gcc libc6-dev/);
    expect(stage('native')).toContain('node --import tsx scripts/build-native-helpers.ts');
    expect(stage('runner')).toContain('COPY --from=native --chown=node:node /root/.cache/rehearse /home/node/.cache/rehearse');
  });

  it('serves the web image through scripts/serve.ts, as npm start does, not plain next start', () => {
    // Plain `next start` has no trusted client address (every sign-in would share one throttle
    // counter), no admission gate and no page cache.
    const web = dockerfile.split(/^FROM /m).find((s) => /^\S+ AS web\b/.test(s))!;
    const commands = [...web.matchAll(/^CMD (.+)$/gm)].map((m) => JSON.parse(m[1]!) as string[]);
    expect(commands).toEqual([['node', '--import', 'tsx', 'scripts/serve.ts']]);
    expect(read('scripts/start.ts')).toContain("'serve.ts'");
  });

  it('compose builds the Dockerfile targets and wires Postgres, migrate, web, worker and runner', () => {
    const compose = parse(read('compose.yaml')) as {
      services: Record<string, { build?: { target: string }; depends_on?: Record<string, unknown>; environment?: Record<string, string>; networks?: string[]; secrets?: string[]; security_opt?: string[] }>;
      networks: Record<string, { internal?: boolean }>;
    };
    expect(Object.keys(compose.services).sort()).toEqual(['migrate', 'postgres', 'runner', 'web', 'worker']);
    const runner = compose.services.runner!;
    expect(findSecretVariables(runner.environment ?? {})).toEqual([]);
    expect(runner.networks).toEqual(['grading']);
    expect(compose.networks.grading?.internal).toBe(true);
    // The worker (code gradings) and the web app (Run visible tests, admin Validate) reach the
    // runner: its address, the token file from the shared secret, and the internal network.
    for (const client of ['worker', 'web']) {
      const service = compose.services[client]!;
      expect(service.environment?.RUNNER_URL, client).toBe(`tcp://runner:${/:(\d+)$/.exec(runner.environment!.RUNNER_URL!)![1]}`);
      expect(service.environment?.RUNNER_TOKEN_FILE, client).toBe(runner.environment!.RUNNER_TOKEN_FILE);
      expect(service.secrets, client).toEqual(runner.secrets);
      expect(service.networks, client).toContain('grading');
    }
    const targets = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)/gm)].map((m) => m[1]);
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.build) expect(targets, name).toContain(service.build.target);
    }
    expect(compose.services.web!.depends_on).toHaveProperty('migrate');
    // The compose runner gets what the Kubernetes runner gets, no more and no less: seccomp and
    // AppArmor unconfined, and /proc unmasked (procMount: Unmasked) so bwrap can mount a fresh
    // procfs in each jail.
    const k8sRunner = runnerPod() as PodSpec & { securityContext: { seccompProfile?: { type: string }; appArmorProfile?: { type: string } } };
    const granted = [
      k8sRunner.securityContext.seccompProfile?.type === 'Unconfined' && 'seccomp=unconfined',
      k8sRunner.securityContext.appArmorProfile?.type === 'Unconfined' && 'apparmor=unconfined',
      k8sRunner.containers[0]!.securityContext?.procMount === 'Unmasked' && 'systempaths=unconfined',
    ].filter(Boolean);
    expect([...(runner.security_opt ?? [])].sort()).toEqual([...granted].sort());
    expect(granted).toHaveLength(3);
    expect(compose.services.worker!.depends_on).toHaveProperty('migrate');
  });
});
