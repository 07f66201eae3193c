// The compare_manifests tests. Inputs go into the jail; `expected` never does. Hidden tests show
// their name but not their input until the candidate passes.
export type Manifest = unknown;

export type ManifestCase = {
  name: string;
  old: Manifest;
  new: Manifest;
  expected: boolean;
  hidden: boolean;
  // Why it matters when the function gets it wrong.
  consequence: string;
};

const BASE = 'org.opencontainers.image.base.digest';

function manifest(overrides: Record<string, unknown> = {}, labels: Record<string, string> = {}): Manifest {
  return {
    config: {
      Entrypoint: ['/usr/bin/myapp'],
      Cmd: ['--port', '8080'],
      Env: ['PATH=/usr/local/bin:/usr/bin', 'LOG_LEVEL=info', 'TZ=UTC'],
      ExposedPorts: { '8080/tcp': {} },
      Labels: {
        [BASE]: 'sha256:aaaa1111',
        'org.opencontainers.image.created': '2024-05-01T10:00:00Z',
        'org.opencontainers.image.revision': 'abc123',
        ...labels,
      },
      WorkingDir: '/app',
      User: 'app',
      ...overrides,
    },
  };
}

export const CASES: ManifestCase[] = [
  { name: 'identical manifests are not a change', old: manifest(), new: manifest(), expected: false, hidden: false, consequence: 'every rebuild would trigger a redeploy' },
  { name: 'a new base image digest is a change', old: manifest(), new: manifest({}, { [BASE]: 'sha256:bbbb2222' }), expected: true, hidden: false, consequence: 'a base image security fix would never roll out' },
  { name: 'a changed entrypoint is a change', old: manifest(), new: manifest({ Entrypoint: ['/usr/bin/myapp-v2'] }), expected: true, hidden: false, consequence: 'the container would keep running the old binary' },
  { name: 'Env in a different order is not a change', old: manifest(), new: manifest({ Env: ['TZ=UTC', 'PATH=/usr/local/bin:/usr/bin', 'LOG_LEVEL=info'] }), expected: false, hidden: false, consequence: 'a reordered build would cause a needless redeploy' },
  { name: 'only the created label changed is not a change', old: manifest(), new: manifest({}, { 'org.opencontainers.image.created': '2024-06-01T09:30:00Z' }), expected: false, hidden: false, consequence: 'every nightly rebuild would redeploy' },
  { name: 'a changed Cmd is a change', old: manifest(), new: manifest({ Cmd: ['--port', '9090'] }), expected: true, hidden: true, consequence: 'the service would start with stale arguments' },
  { name: 'a newly exposed port is a change', old: manifest(), new: manifest({ ExposedPorts: { '8080/tcp': {}, '9090/tcp': {} } }), expected: true, hidden: true, consequence: 'the new port would never be published' },
  { name: 'a changed Env value is a change', old: manifest(), new: manifest({ Env: ['PATH=/usr/local/bin:/usr/bin', 'LOG_LEVEL=debug', 'TZ=UTC'] }), expected: true, hidden: true, consequence: 'configuration changes would silently not deploy' },
  { name: 'only created and revision labels changed is not a change', old: manifest(), new: manifest({}, { 'org.opencontainers.image.created': '2025-01-01T00:00:00Z', 'org.opencontainers.image.revision': 'def456' }), expected: false, hidden: true, consequence: 'every commit would redeploy even when the image is the same' },
  { name: 'a missing config section does not raise', old: {}, new: manifest(), expected: true, hidden: true, consequence: 'the deploy pipeline would crash on a minimal manifest' },
  { name: 'null sections on both sides do not raise', old: { config: { Env: null, Labels: null, ExposedPorts: null } }, new: { config: { Env: null, Labels: null, ExposedPorts: null } }, expected: false, hidden: true, consequence: 'the deploy pipeline would crash on a manifest without labels' },
  { name: 'missing Labels on one side does not raise', old: manifest({ Labels: undefined }), new: manifest(), expected: true, hidden: true, consequence: 'the deploy pipeline would crash when an old image has no labels' },
];
