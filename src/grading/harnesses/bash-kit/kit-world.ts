// A Bash world kit scenario's world, built from its spec and held by the grader, outside the
// jail: the docker/systemd host (bash-deploy's model, answered by its fakes), the HTTP endpoints
// curl reaches, the Kubernetes deployments kubectl changes and nginx. `events` is what the fakes
// did, in words the checks match literally ("docker pull REF", "kubectl rollout-undo web").
import { makeImage, normalizeRef, type DeployWorld } from '../bash-deploy/deploy-world';
import type { NginxConfigTest, WorldSpec } from './world-spec';

export type KitEndpoint = WorldSpec['http'][number] & { served: Map<string, number> };
export type KitDeployment = { name: string; container: string; revisions: string[] };
export type KitEvent = { call: number; text: string };
export type TreeEntryKind = 'file' | 'dir' | 'symlink' | 'other';
// The scratch tree read while the script runs: can `path` (symlinks followed) be read as a
// regular file right now, and does it read as the text `builtAs` was built with? Asked of the
// jail's supervisor (tree-session.ts), never of the script. Without `builtAs`: readable or not.
export type TreeComparison = 'same' | 'different' | 'unreadable';
export type TreeProbe = (path: string, builtAs?: string) => Promise<TreeComparison>;

export type KitWorld = {
  host: DeployWorld;
  // Container name → id at the start: "unchanged" means the same container is still there.
  initialContainers: Map<string, string>;
  http: KitEndpoint[];
  kube: { namespace: string; deployments: KitDeployment[]; failing: { deployment: string; image: string }[] } | null;
  nginx: { configTest: NginxConfigTest } | null;
  // Set by the scenario's tree session once its supervisor is connected.
  probeTree: TreeProbe | null;
  hasDocker: boolean;
  events: KitEvent[];
  // The scratch tree: what was built (relative paths) and what the supervisor found at the end.
  tree: { built: string[]; final: Map<string, { kind: TreeEntryKind; target?: string }> | null; cut: boolean } | null;
  // Calls answered so far; an event carries the index of the call that caused it.
  calls: number;
};

export function createKitWorld(spec: WorldSpec): KitWorld {
  const docker = spec.docker;
  const service = docker?.myappService;
  const host: DeployWorld = {
    faults: {
      ...(docker?.pull === 'fails' || docker?.pull === 'no-image' ? { pull: docker.pull } : {}),
      ...(service?.stop === 'fails' ? { stop: 'fails' as const } : {}),
      ...(service?.start === 'fails' ? { start: 'fails' as const } : {}),
    },
    serviceImage: service ? normalizeRef(service.image) : '',
    images: [],
    containers: [],
    units: new Map(Object.entries(spec.units)),
    initialContainerId: '',
  };
  for (const ref of [...(docker?.images ?? []), ...(docker?.containers ?? []).map((c) => c.image)]) {
    if (!host.images.some((image) => image.refs.includes(normalizeRef(ref)))) host.images.push(makeImage(ref));
  }
  const initialContainers = new Map<string, string>();
  for (const [i, c] of (docker?.containers ?? []).entries()) {
    const image = host.images.find((im) => im.refs.includes(normalizeRef(c.image)))!;
    // Random-looking but fixed per name and image; nothing in it tells scenarios apart.
    const id = `${image.id.slice(7, 19)}${i}`.padEnd(64, 'a');
    host.containers.push({ id, name: c.name, imageRef: normalizeRef(c.image), imageId: image.id, running: c.running });
    initialContainers.set(c.name, id);
  }
  const kube = spec.kubernetes;
  return {
    host,
    initialContainers,
    http: spec.http.map((endpoint) => ({ ...endpoint, served: new Map() })),
    kube: kube ? { namespace: kube.namespace, deployments: kube.deployments.map((d) => ({ name: d.name, container: d.container, revisions: [normalizeRef(d.image)] })), failing: kube.failing.map((f) => ({ deployment: f.deployment, image: normalizeRef(f.image) })) } : null,
    nginx: spec.nginx ?? null,
    probeTree: null,
    hasDocker: docker !== undefined,
    events: [],
    calls: 0,
    tree: spec.tree ? { built: spec.tree.map((e) => e.path), final: null, cut: false } : null,
  };
}

// `call`: the index of the call that caused it, when recorded after later calls came in.
export const recordEvent = (world: KitWorld, text: string, call = world.calls - 1) => world.events.push({ call, text });
export const currentImage = (deployment: KitDeployment) => deployment.revisions[deployment.revisions.length - 1]!;
