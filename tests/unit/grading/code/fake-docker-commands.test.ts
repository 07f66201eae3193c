// The fake docker tells three kinds of call apart: a command the host model answers, a real
// docker 24 command it does not model (refused as the grader's limit and marked `unmodelled`,
// so the judge says so first), and a word docker does not have (docker's own error). A review:
// `docker exec web curl -f localhost/healthz` was "not a docker command", a lie that told a good
// script it was wrong.
import { describe, expect, it } from 'vitest';
import { classifyDockerCommand } from '@/grading/harnesses/bash-deploy/docker-commands';
import { createDeployWorld, NEW_IMAGE } from '@/grading/harnesses/bash-deploy/deploy-world';
import { fakeDocker } from '@/grading/harnesses/bash-deploy/fake-docker';

const DOWN = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n';

const host = () => {
  const world = createDeployWorld({ faults: {} });
  return { world, run: (line: string) => fakeDocker(world, line.split(' ').slice(1)) };
};

describe('docker commands the model answers', () => {
  it('answers the classic verbs and their image/container/system forms, with nothing marked unmodelled', () => {
    const { run, world } = host();
    for (const line of [
      `docker pull ${NEW_IMAGE}`,
      `docker image pull ${NEW_IMAGE}`,
      'docker images -q',
      'docker image ls',
      'docker image list',
      `docker image inspect ${NEW_IMAGE}`,
      'docker container ls -a',
      'docker container list',
      'docker container ps',
      'docker container inspect myapp',
      'docker --host unix:///var/run/docker.sock ps',
      'docker system info',
      'docker system prune -f',
      'docker version',
      'docker help',
      'docker',
    ]) {
      const answer = run(line);
      expect(answer.code, line).toBe(0);
      expect(answer.unmodelled, line).toBeUndefined();
    }
    // docker 24's aliases of rm and rmi: the model's verbs under the names real docker takes.
    expect(run('docker container stop myapp').code).toBe(0);
    expect(run('docker container remove myapp')).toMatchObject({ code: 0, out: 'myapp\n' });
    expect(world.containers).toEqual([]);
    expect(run(`docker image remove ${NEW_IMAGE}`).code).toBe(0);
  });

  it('still answers only while docker.service is active, as before', () => {
    const { run, world } = host();
    world.units.set('docker.service', 'inactive');
    expect(run('docker ps')).toEqual({ code: 1, out: '', err: DOWN });
    expect(run('docker container ls')).toEqual({ code: 1, out: '', err: DOWN });
    expect(run(`docker run -d --name web ${NEW_IMAGE}`)).toMatchObject({ code: 125 });
    expect(run('docker --version')).toMatchObject({ code: 0 });
  });
});

describe('real docker commands the model does not answer', () => {
  it('refuses them as the grader\'s limit, in kubectl\'s words, naming the command as the script wrote it', () => {
    const { run, world } = host();
    const before = JSON.stringify(world);
    expect(run('docker exec web curl -fsS localhost:8080/healthz')).toEqual({
      code: 1,
      out: '',
      err: "docker: docker exec is outside what this grader's docker models (it answers pull, images, image inspect, inspect, ps, rm, create, run, stop, kill, start, restart, logs, rename, tag, rmi, image/container/system prune, version and info)\n",
      unmodelled: 'a command this grader does not support: docker exec',
    });
    const named: [string, string][] = [
      ['docker wait web', 'docker wait'],
      ['docker container wait web', 'docker container wait'],
      ['docker cp web:/etc/app.conf .', 'docker cp'],
      ['docker network ls', 'docker network ls'],
      ['docker network create backend', 'docker network create'],
      ['docker volume create data', 'docker volume create'],
      ['docker volume', 'docker volume'],
      ['docker login ghcr.io', 'docker login'],
      ['docker push ghcr.io/x/y:1', 'docker push'],
      ['docker build -t x .', 'docker build'],
      ['docker image build -t x .', 'docker image build'],
      ['docker compose up -d', 'docker compose'],
      ['docker buildx build .', 'docker buildx'],
      ['docker update --restart=always web', 'docker update'],
      ['docker top web', 'docker top'],
      ['docker port web', 'docker port'],
      ['docker stats --no-stream', 'docker stats'],
      ['docker save -o x.tar x', 'docker save'],
      ['docker load -i x.tar', 'docker load'],
      ['docker system df', 'docker system df'],
      ['docker service ls', 'docker service'],
      ['docker -H tcp://x:2375 --log-level warn exec -it web sh', 'docker exec'],
    ];
    for (const [line, name] of named) {
      expect(run(line), line).toMatchObject({ code: 1, out: '', unmodelled: `a command this grader does not support: ${name}` });
      expect(run(line).err, line).toContain(`docker: ${name} is outside what this grader's docker models`);
    }
    expect(JSON.stringify(world)).toBe(before);
  });

  // Decided: without the daemon, a command that needs it fails as docker 24 does (an answer we
  // know, judged as any other); one that is client-side or words it its own way (build, compose,
  // login, context …) is refused as the grader's limit either way.
  it('answers a daemon command with docker.service down as docker does, and refuses the rest either way', () => {
    const { run, world } = host();
    world.units.set('docker.service', 'inactive');
    for (const line of ['docker exec web true', 'docker container wait web', 'docker network ls', 'docker push x', 'docker volume rm data']) {
      expect(run(line), line).toEqual({ code: 1, out: '', err: DOWN });
    }
    for (const [line, name] of [['docker build .', 'docker build'], ['docker image build .', 'docker image build'], ['docker compose ps', 'docker compose'], ['docker login', 'docker login'], ['docker context ls', 'docker context'], ['docker network', 'docker network']]) {
      expect(run(line!), line).toMatchObject({ code: 1, unmodelled: `a command this grader does not support: ${name}` });
    }
  });
});

describe('words docker does not have', () => {
  it('answers them with docker\'s own error, daemon or not, never as the grader\'s limit', () => {
    const { run, world } = host();
    for (const up of [true, false]) {
      world.units.set('docker.service', up ? 'active' : 'inactive');
      expect(run('docker deploy x')).toEqual({ code: 1, out: '', err: "docker: 'deploy' is not a docker command.\nSee 'docker --help'\n" });
      for (const line of ['docker exce web true', 'docker prune', 'docker image-inspect x', 'docker constructor', 'docker __proto__', 'docker toString']) {
        expect(run(line), line).toMatchObject({ code: 1, err: expect.stringContaining('is not a docker command') });
        expect(run(line).unmodelled, line).toBeUndefined();
      }
      // A group's word it does not have: the group's usage (cli.NoArgs), exit 1.
      expect(run('docker network frobnicate')).toEqual({
        code: 1,
        out: '',
        err: "\nUsage:  docker network COMMAND\n\nManage networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n",
      });
      for (const line of ['docker image images', 'docker container exce web', 'docker container constructor', 'docker system hasOwnProperty']) {
        expect(run(line), line).toMatchObject({ code: 1, err: expect.stringContaining('Usage:  docker ') });
        expect(run(line).unmodelled, line).toBeUndefined();
      }
    }
  });

  it('classifies from its own tables only', () => {
    expect(classifyDockerCommand(['container', 'exec', 'web'])).toEqual({ kind: 'unmodelled', name: 'docker container exec', needsDaemon: true });
    expect(classifyDockerCommand(['image', 'rmi', 'x'])).toEqual({ kind: 'modelled', verb: 'rmi', args: ['x'] });
    expect(classifyDockerCommand(['valueOf'])).toMatchObject({ kind: 'unknown' });
    expect(classifyDockerCommand([])).toEqual({ kind: 'none' });
  });
});
