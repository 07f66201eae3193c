// The grader's model of the host a deploy script runs on: Docker images and containers and the
// systemd unit "myapp". It lives in the grader, outside the jail; the fake docker and systemctl
// in the jail only relay calls here, so no file the script can write decides the verdict.
import { createHash, randomBytes } from 'node:crypto';

export type DeployFaults = {
  // 'fails': docker pull exits 1. 'no-image': it exits 0 but the image is not there afterwards.
  pull?: 'fails' | 'no-image';
  stop?: 'fails';
  start?: 'fails';
};

export type Image = { id: string; refs: string[]; digest: string; created: string };
export type Container = { id: string; name: string; imageRef: string; imageId: string; running: boolean };
export type UnitState = 'active' | 'inactive' | 'failed';

export type DeployWorld = {
  faults: DeployFaults;
  // The image the service is configured to run (the task's assumption: the unit uses the new tag).
  serviceImage: string;
  images: Image[];
  containers: Container[];
  units: Map<string, UnitState>;
  // The container running before the script: still the same one means myapp was never touched.
  initialContainerId: string;
};

export const SERVICE = 'myapp.service';
export const CONTAINER = 'myapp';
export const CURRENT_IMAGE = 'registry.example.com/team/myapp:1.4.1';
export const NEW_IMAGE = 'registry.example.com/team/myapp:1.4.2';

// Bounds on the model a script can grow (docker run in a loop, tags by the thousand): past them
// docker answers with an error, as a full disk would, and the grader's memory stays flat.
export const MAX_CONTAINERS = 32;
export const MAX_IMAGES = 32;
export const MAX_REFS_PER_IMAGE = 16;

export const sha = (seed: string) => createHash('sha256').update(seed).digest('hex');

// "nginx" means "nginx:latest"; a digest reference stays as it is.
export function normalizeRef(ref: string) {
  if (ref.includes('@')) return ref;
  const lastSlash = ref.lastIndexOf('/');
  return ref.slice(lastSlash + 1).includes(':') ? ref : `${ref}:latest`;
}

export function makeImage(ref: string): Image {
  const normalized = normalizeRef(ref);
  return { id: `sha256:${sha(`image:${normalized}`)}`, refs: [normalized], digest: `sha256:${sha(`digest:${normalized}`)}`, created: '2025-01-06T09:00:00Z' };
}

// By reference, id (or its first four or more hex digits) or REPOSITORY@DIGEST. Cheap for a name
// that matches nothing: a call may name thousands, each looked up in every image.
export function findImage(world: DeployWorld, ref: string): Image | undefined {
  const normalized = normalizeRef(ref);
  const bare = ref.replace(/^sha256:/, '');
  const isIdPrefix = bare.length >= 4 && /^[0-9a-f]+$/.test(bare);
  const at = ref.lastIndexOf('@');
  const [repository, digest] = at < 0 ? [null, null] : [ref.slice(0, at), ref.slice(at + 1)];
  return world.images.find(
    (image) =>
      image.refs.includes(normalized) ||
      (isIdPrefix && image.id.slice('sha256:'.length).startsWith(bare)) ||
      (digest === image.digest && image.refs.some((r) => r.slice(0, r.lastIndexOf(':')) === repository)),
  );
}

export function findContainer(world: DeployWorld, nameOrId: string): Container | undefined {
  const name = nameOrId.replace(/^\//, '');
  return world.containers.find((c) => c.name === name || (name.length >= 4 && c.id.startsWith(name)));
}

// Random ids: the same in no two scenarios, so an id cannot tell a script which scenario it is in.
export function makeContainer(world: DeployWorld, name: string, image: Image, imageRef: string): Container {
  const container = { id: randomBytes(32).toString('hex'), name, imageRef: normalizeRef(imageRef), imageId: image.id, running: false };
  world.containers.push(container);
  return container;
}

export function createDeployWorld({ faults = {}, serviceImage = NEW_IMAGE }: { faults?: DeployFaults; serviceImage?: string } = {}): DeployWorld {
  const current = makeImage(CURRENT_IMAGE);
  const world: DeployWorld = {
    faults,
    serviceImage: normalizeRef(serviceImage),
    images: [current, makeImage('debian:12-slim')],
    containers: [],
    units: new Map([
      [SERVICE, 'active'],
      ['docker.service', 'active'],
    ]),
    initialContainerId: '',
  };
  const container = makeContainer(world, CONTAINER, current, CURRENT_IMAGE);
  container.running = true;
  world.initialContainerId = container.id;
  return world;
}
