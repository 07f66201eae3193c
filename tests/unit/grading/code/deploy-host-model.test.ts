// The grader's model of the deploy host answers docker and systemctl as the real tools would,
// with the fault a scenario injects. Scripts are graded against these answers, so they are
// pinned here: exit codes, the messages scripts grep for, and the state they leave.
import { describe, expect, it } from 'vitest';
import { createDeployWorld, CURRENT_IMAGE, MAX_CONTAINERS, MAX_IMAGES, NEW_IMAGE, SERVICE, type DeployFaults } from '@/grading/harnesses/bash-deploy/deploy-world';
import { handleToolCall } from '@/grading/harnesses/bash-deploy/handle-tool-call';
import { MAX_FORMAT_OUTPUT_CHARS } from '@/grading/harnesses/bash-deploy/render-docker-format';

const host = (faults: DeployFaults = {}) => {
  const world = createDeployWorld({ faults });
  return { world, run: (line: string) => handleToolCall(world, line.split(' ')) };
};

describe('fake docker', () => {
  it('pulls an image so that images -q and image inspect find it', () => {
    const { run } = host();
    expect(run(`docker images -q ${NEW_IMAGE}`)).toMatchObject({ code: 0, out: '' });
    expect(run(`docker pull ${NEW_IMAGE}`)).toMatchObject({ code: 0, out: expect.stringContaining(`Status: Downloaded newer image for ${NEW_IMAGE}`) });
    expect(run(`docker images -q ${NEW_IMAGE}`).out).toMatch(/^[0-9a-f]{12}\n$/);
    expect(run(`docker image inspect --format {{.Id}} ${NEW_IMAGE}`)).toMatchObject({ code: 0, out: expect.stringMatching(/^sha256:[0-9a-f]{64}\n$/) });
  });

  it('fails the pull with the registry error when the pull is faulted', () => {
    const { run } = host({ pull: 'fails' });
    expect(run(`docker pull ${NEW_IMAGE}`)).toMatchObject({ code: 1, err: expect.stringContaining('manifest unknown') });
  });

  it('reports a "successful" pull that leaves no image, which inspect then exposes', () => {
    const { run } = host({ pull: 'no-image' });
    expect(run(`docker pull ${NEW_IMAGE}`).code).toBe(0);
    expect(run(`docker image inspect ${NEW_IMAGE}`)).toMatchObject({ code: 1, err: `Error response from daemon: No such image: ${NEW_IMAGE}\n` });
    expect(run(`docker inspect --type=image ${NEW_IMAGE}`).code).toBe(1);
  });

  it('refuses to remove a running container without -f, and a name clash on run is exit 125', () => {
    const { run } = host();
    expect(run('docker rm myapp')).toMatchObject({ code: 1, err: expect.stringContaining('container is running') });
    expect(run(`docker run -d --name myapp ${CURRENT_IMAGE}`)).toMatchObject({ code: 125, err: expect.stringContaining('Conflict') });
    expect(run('docker rm -f myapp').code).toBe(0);
    expect(run('docker ps -aq --filter name=myapp').out).toBe('');
  });

  it('holds at most MAX_CONTAINERS containers and MAX_IMAGES images, answering an error past them', () => {
    const { world, run } = host();
    for (let i = 0; i < MAX_CONTAINERS + 5; i++) run(`docker run -d --name c${i} debian:12-slim`);
    expect(world.containers).toHaveLength(MAX_CONTAINERS);
    expect(run('docker run -d --name extra debian:12-slim')).toMatchObject({ code: 125, err: expect.stringContaining(`at most ${MAX_CONTAINERS} containers`) });
    for (let i = 0; i < MAX_IMAGES + 5; i++) run(`docker pull img${i}:1`);
    expect(world.images.length).toBeLessThanOrEqual(MAX_IMAGES);
    expect(run('docker pull another:1')).toMatchObject({ code: 1, err: expect.stringContaining(`at most ${MAX_IMAGES} images`) });
  });

  it('gives containers random ids, so an id tells nothing about the scenario', () => {
    expect(host().world.initialContainerId).not.toBe(host().world.initialContainerId);
  });

  it('inspects as docker prints JSON, but builds no more of it than a reply can carry', () => {
    const { world, run } = host();
    const one = run('docker inspect myapp');
    expect(JSON.parse(one.out)).toHaveLength(1);
    expect(one.out).toBe(`${JSON.stringify(JSON.parse(one.out), null, 4)}\n`);
    for (const line of [`docker inspect ${'myapp '.repeat(4000)}`, `docker image inspect ${`${CURRENT_IMAGE} `.repeat(400)}`]) {
      const many = run(line.trim());
      expect(many.code).toBe(0);
      expect(many.out.length).toBeGreaterThan(MAX_FORMAT_OUTPUT_CHARS);
      expect(many.out.length).toBeLessThan(MAX_FORMAT_OUTPUT_CHARS + 2_000);
    }
    const image = world.images[0]!;
    expect(run(`docker image inspect --format {{.Id}} ${image.refs[0]!.split(':')[0]}@${image.digest}`)).toMatchObject({ code: 0, out: `${image.id}\n` });
  });

  it('answers an unknown verb like docker does', () => {
    expect(host().run('docker deploy x')).toMatchObject({ code: 1, err: expect.stringContaining("'deploy' is not a docker command") });
  });

  // A review kept the old container as web-prev for a restart-based rollback; the fake said
  // "'rename' is not a docker command". Messages are docker 24's (the daemon's, then the CLI's).
  it('renames a container, keeping its id, state and image, with the daemon\'s errors and exit 1', () => {
    const { world, run } = host();
    const id = world.initialContainerId;
    expect(run('docker stop myapp').code).toBe(0);
    expect(run('docker rename myapp myapp-prev')).toMatchObject({ code: 0, out: '', err: '' });
    expect(world.containers.find((c) => c.id === id)).toMatchObject({ name: 'myapp-prev', running: false, imageRef: CURRENT_IMAGE });
    expect(run('docker inspect --format {{.Name}} myapp-prev')).toMatchObject({ code: 0, out: '/myapp-prev\n' });
    expect(run('docker rename myapp x')).toEqual({
      code: 1,
      out: '',
      err: 'Error response from daemon: No such container: myapp\nError: failed to rename container named myapp\n',
    });
    expect(run(`docker run -d --name myapp ${NEW_IMAGE}`).code).toBe(0);
    const holder = world.containers.find((c) => c.name === 'myapp')!;
    expect(run('docker container rename myapp-prev myapp')).toEqual({
      code: 1,
      out: '',
      err: `Error response from daemon: Error when allocating new name: Conflict. The container name "/myapp" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.\nError: failed to rename container named myapp-prev\n`,
    });
    expect(run('docker rename myapp-prev myapp-prev').err).toContain('Renaming a container with the same name as its current name');
    expect(run('docker rename myapp-prev bad!name').err).toContain('Invalid container name (/bad!name)');
    expect(run('docker rename myapp-prev')).toMatchObject({ code: 1, err: expect.stringContaining('"docker rename" requires exactly 2 arguments.') });
    expect(run('docker rm -f myapp').code).toBe(0);
    expect(run(`docker rename ${id.slice(0, 12)} /myapp`).code).toBe(0);
    expect(run('docker start myapp').code).toBe(0);
    expect(world.containers).toEqual([expect.objectContaining({ id, name: 'myapp', running: true, imageRef: CURRENT_IMAGE })]);
  });

  it('answers only while docker.service is active, as docker 24 does without its daemon', () => {
    const { world, run } = host();
    world.units.set('docker.service', 'inactive');
    const down = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
    expect(run('docker info')).toEqual({
      code: 1,
      out: `Client: Docker Engine - Community\n Version:    24.0.7\n Context:    default\n Debug Mode: false\n\nServer:\nERROR: ${down}\n`,
      err: 'errors pretty printing info\n',
    });
    expect(run('docker system info')).toMatchObject({ code: 1 });
    expect(run('docker info --format {{.ServerVersion}}')).toEqual({ code: 1, out: '', err: `${down}\n` });
    expect(run('docker ps')).toEqual({ code: 1, out: '', err: `${down}\n` });
    expect(run('docker rename myapp x')).toEqual({ code: 1, out: '', err: `${down}\n` });
    expect(run(`docker run -d --name web ${NEW_IMAGE}`)).toEqual({ code: 125, out: '', err: `docker: ${down}.\nSee 'docker run --help'.\n` });
    expect(run('docker version')).toMatchObject({ code: 1, out: expect.stringContaining('Version:           24.0.7'), err: `${down}\n` });
    expect(run('docker --version')).toMatchObject({ code: 0, out: 'Docker version 24.0.7, build afdd53b\n' });
    expect(run('docker deploy x').err).toContain("'deploy' is not a docker command");
    expect(world.containers.map((c) => c.name)).toEqual(['myapp']);
    world.units.set('docker.service', 'active');
    expect(run('docker info')).toMatchObject({ code: 0, out: expect.stringContaining('Server Version: 24.0.7') });
  });
});

describe('fake systemctl', () => {
  it('stops and starts myapp; the start runs the new image (the unit uses the updated tag)', () => {
    const { world, run } = host();
    run(`docker pull ${NEW_IMAGE}`);
    expect(run('systemctl stop myapp').code).toBe(0);
    expect(run('systemctl is-active myapp')).toEqual({ code: 3, out: 'inactive\n', err: '' });
    expect(run('systemctl start myapp.service').code).toBe(0);
    expect(run('systemctl is-active --quiet myapp')).toEqual({ code: 0, out: '', err: '' });
    expect(world.containers.find((c) => c.name === 'myapp')).toMatchObject({ imageRef: NEW_IMAGE, running: true });
  });

  it('fails stop, start and restart with systemd\'s message when faulted', () => {
    expect(host({ stop: 'fails' }).run('systemctl stop myapp')).toMatchObject({ code: 1, err: expect.stringContaining('Job for myapp.service failed') });
    expect(host({ stop: 'fails' }).run('systemctl restart myapp').code).toBe(1);
    const { world, run } = host({ start: 'fails' });
    run(`docker pull ${NEW_IMAGE}`);
    run('systemctl stop myapp');
    expect(run('systemctl start myapp').code).toBe(1);
    expect(world.units.get(SERVICE)).toBe('failed');
    expect(run('systemctl status myapp')).toMatchObject({ code: 3, out: expect.stringContaining('failed (Result: exit-code)') });
  });

  it('cannot start myapp when its image is missing', () => {
    const { run } = host({ pull: 'no-image' });
    run(`docker pull ${NEW_IMAGE}`);
    expect(run('systemctl restart myapp').code).toBe(1);
  });

  it('answers an unknown unit with exit 5', () => {
    expect(host().run('systemctl stop nosuch')).toMatchObject({ code: 5, err: expect.stringContaining('Unit nosuch.service not found') });
  });
});
