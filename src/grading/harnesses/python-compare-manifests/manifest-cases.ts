// The compare_manifests tests, as Python kit cases: arguments (two OCI image configs), the
// expected answer and why it matters. Visible cases are the prompt's examples; a hidden one shows
// only its name and its category (the part of the config it is about, as the Python kit's
// questions do), chosen here, never derived from the input. Expected values never leave the
// grader: the jail gets the arguments alone.
import type { Json, KitCase } from '../python-kit/kit-spec';

type ManifestCase = Omit<KitCase, 'args'> & { input: [unknown, unknown] };

const BASE_DIGEST = 'sha256:6a4a2d8f6bd1e3f5a7f1c9e0b2d4c6a8e0f2b4d6c8a0e2f4b6d8c0a2e4f6b8d0';
type Config = { Entrypoint: string[]; Cmd: string[]; Env: string[]; ExposedPorts: Record<string, object>; Labels: Record<string, string>; WorkingDir: string; User: string };
type History = { created: string; created_by: string; comment: string }[];
// A whole image config as a build writes it: the runtime config under config, and beside it the
// platform, the layers and the build's own record (created, history). Every test but the rebuild
// leaves those alone; they are in every input, visible ones too, so none is a hidden-only string.
const BUILT = '2025-01-06T09:00:00Z';
const history = (created: string): History => [
  { created, created_by: 'ADD rootfs.tar.gz / # buildkit', comment: 'buildkit.dockerfile.v0' },
  { created, created_by: 'COPY server /app/server # buildkit', comment: 'buildkit.dockerfile.v0' },
];
const base = (): { created: string; architecture: string; os: string; config: Config; rootfs: object; history: History } => ({
  created: BUILT,
  architecture: 'amd64',
  os: 'linux',
  config: {
    Entrypoint: ['/app/server'],
    Cmd: ['--port', '8080'],
    Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'APP_ENV=production', 'JAVA_OPTS=-Xmx512m -Dmode=fast'],
    ExposedPorts: { '8080/tcp': {} },
    Labels: {
      'org.opencontainers.image.base.digest': BASE_DIGEST,
      'org.opencontainers.image.created': BUILT,
      'org.opencontainers.image.revision': '4f2c1a9',
    },
    WorkingDir: '/app',
    User: 'app',
  },
  rootfs: { type: 'layers', diff_ids: ['sha256:'.padEnd(71, '1'), 'sha256:'.padEnd(71, '2')] },
  history: history(BUILT),
});
const withConfig = (change: (config: Config) => void) => {
  const manifest = base();
  change(manifest.config);
  return manifest;
};

// The same code built again: a new build time (top-level created, each history entry, the
// created label) and revision; nothing that runs differs.
const rebuilt = (created: string, revision: string) => ({
  ...withConfig((c) => Object.assign(c.Labels, { 'org.opencontainers.image.created': created, 'org.opencontainers.image.revision': revision })),
  created,
  history: history(created),
});

const CASES: ManifestCase[] = [
  { name: 'identical manifests', hidden: false, input: [base(), base()], expected: false, why: 'nothing changed, so nothing needs redeploying' },
  {
    name: 'base image digest changed',
    hidden: false,
    input: [base(), withConfig((c) => (c.Labels['org.opencontainers.image.base.digest'] = 'sha256:0b1f'.padEnd(71, 'e')))],
    expected: true,
    why: 'a new base image brings new system libraries: it changes what runs',
  },
  { name: 'entrypoint changed', hidden: false, input: [base(), withConfig((c) => (c.Entrypoint = ['/app/server-v2']))], expected: true, why: 'a different entrypoint is a different program' },
  { name: 'Env in a different order is not a change', hidden: false, input: [base(), withConfig((c) => c.Env.reverse())], expected: false, why: 'Env is a set of variables: order does not change the process environment' },
  {
    name: 'only build-metadata labels changed (created, revision)',
    hidden: false,
    input: [base(), withConfig((c) => Object.assign(c.Labels, { 'org.opencontainers.image.created': '2025-02-01T12:00:00Z', 'org.opencontainers.image.revision': '9e8d7c6' }))],
    expected: false,
    why: 'a rebuild of the same code changes these labels on every build; they do not affect runtime',
  },
  { name: 'cmd changed', hidden: true, category: 'command line', input: [base(), withConfig((c) => (c.Cmd = ['--port', '9090']))], expected: true, why: 'Cmd is part of the command line the container runs' },
  {
    name: 'cmd arguments in another order',
    hidden: true,
    category: 'command line',
    input: [base(), withConfig((c) => (c.Cmd = ['8080', '--port']))],
    expected: true,
    why: 'Cmd is an argument list, not a set: the same words in another order are another command line (here one the server cannot parse)',
  },
  {
    name: 'entrypoint arguments in another order',
    hidden: true,
    category: 'command line',
    input: [withConfig((c) => (c.Entrypoint = ['/usr/bin/tini', '--', '/app/server'])), withConfig((c) => (c.Entrypoint = ['/app/server', '--', '/usr/bin/tini']))],
    expected: true,
    why: 'Entrypoint is an argument list: its first word is the program that runs, so reordering runs another program',
  },
  { name: 'exposed port added', hidden: true, category: 'ports', input: [base(), withConfig((c) => Object.assign(c.ExposedPorts, { '9090/tcp': {} }))], expected: true, why: 'exposed ports change how the container is wired up' },
  { name: 'exposed ports listed in another order', hidden: true, category: 'ports', input: [withConfig((c) => (c.ExposedPorts = { '8080/tcp': {}, '9090/tcp': {} })), withConfig((c) => (c.ExposedPorts = { '9090/tcp': {}, '8080/tcp': {} }))], expected: false, why: 'ports are a set; their order means nothing' },
  { name: 'env value changed', hidden: true, category: 'environment', input: [base(), withConfig((c) => (c.Env[1] = 'APP_ENV=staging'))], expected: true, why: 'a changed variable changes the process environment' },
  { name: 'env variable added', hidden: true, category: 'environment', input: [base(), withConfig((c) => c.Env.push('FEATURE_X=on'))], expected: true, why: 'a new variable changes the process environment' },
  { name: 'env value containing "=" changed', hidden: true, category: 'environment', input: [base(), withConfig((c) => (c.Env[2] = 'JAVA_OPTS=-Xmx512m -Dmode=safe'))], expected: true, why: 'values may contain "=": split each entry on the first "=" only' },
  { name: 'build-metadata labels changed together with cmd', hidden: true, category: 'build metadata', input: [base(), withConfig((c) => Object.assign(c, { Cmd: ['--port', '9090'], Labels: { ...c.Labels, 'org.opencontainers.image.created': '2025-02-01T12:00:00Z' } }))], expected: true, why: 'ignoring metadata labels must not hide a real change next to them' },
  {
    name: 'a rebuild of the same code (new build time and history timestamps)',
    hidden: true,
    category: 'build metadata',
    input: [base(), rebuilt('2025-02-01T12:00:00Z', '9e8d7c6')],
    expected: false,
    why: 'a full image config also records when it was built (created, and a timestamp per history entry); like the created label these change on every build and not how the image runs',
  },
  { name: 'config missing on both sides', hidden: true, category: 'missing fields', input: [{}, {}], expected: false, why: 'missing sections must not raise; two empty manifests do not differ' },
  { name: 'null sections on both sides', hidden: true, category: 'missing fields', input: [{ config: { Entrypoint: null, Cmd: null, Env: null, ExposedPorts: null, Labels: null } }, { config: null }], expected: false, why: 'null means "not set", the same as missing; it must not raise' },
  { name: 'missing Env compared with an empty Env', hidden: true, category: 'missing fields', input: [withConfig((c) => Reflect.deleteProperty(c, 'Env')), withConfig((c) => (c.Env = []))], expected: false, why: 'a missing list and an empty one set the same (empty) environment' },
  { name: 'config missing on one side only', hidden: true, category: 'missing fields', input: [{}, base()], expected: true, why: 'going from nothing to an entrypoint, env and ports is a runtime change; it must not raise' },
];

export const MANIFEST_CASES: KitCase[] = CASES.map(({ input, ...rest }) => ({ ...rest, args: input as Json[] }));
