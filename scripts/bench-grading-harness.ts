// `npx tsx scripts/bench-grading-harness.ts [iterations]`: how long grading our reference
// solutions takes in the sandbox, against the same runner without the jail ("bare", for the
// overhead ratio), and the throughput of 4 gradings at once. The bare driver lives here, not in
// src/: it runs code unjailed, so it only ever runs our own reference solutions.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { captureStream } from '../src/grading/sandbox/capture-stream';
import { createBwrapDriver } from '../src/grading/sandbox/create-bwrap-driver';
import { DEFAULT_LIMITS, JAIL_CHANNEL_PATH, JAIL_FILES_DIR, sandboxInfraResult, type SandboxDriver, type SandboxSpec } from '../src/grading/sandbox/sandbox-driver';
import { findHarness, HARNESSES } from '../src/grading/harnesses/find-harness';
import { CONFIG_HARNESSES } from '../src/grading/harnesses/config-kit/config-harnesses';
import { KIT_HARNESSES } from '../src/grading/harnesses/python-kit/kit-harnesses';
import { BASH_KIT_HARNESSES } from '../src/grading/harnesses/bash-kit/bash-kit-harnesses';
import { scenarioStarter } from '../src/grading/harnesses/bash-kit/scenario-start-source';
import { runFilesRoot } from '../src/grading/sandbox/run-files-root';
import { parseCli } from './lib/parse-cli';

const cli = parseCli({ name: 'bench:grading', usage: 'usage: npx tsx scripts/bench-grading-harness.ts [iterations]   (default 30)', options: {}, positionals: { min: 0, max: 1 } });

// Where a grading process keeps its jails' host files (create-grader-pool.ts): in memory where the
// host allows. The drivers here and the bare runs make their folders in the temp dir, so point it
// there too, for the same file system as in production.
process.env.TMPDIR = runFilesRoot();

const iterations = Number(cli.positionals[0] ?? 30);
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error(`[bench:grading] iterations must be a whole number of at least 1, not "${cli.positionals[0]}"`);
  process.exit(2);
}
// Every harness the grader ships, with the reference solution of the seed question that names it
// (seeds/content/<slug>/harness.json): the two hand-built ones, each Python kit question and each
// configuration question.
const REFERENCES = HARNESSES.map(({ name }) => {
  const slug = readdirSync('seeds/content').find((dir) => existsSync(`seeds/content/${dir}/harness.json`) && (JSON.parse(readFileSync(`seeds/content/${dir}/harness.json`, 'utf8')) as { name: string }).name === name);
  if (!slug) throw new Error(`no seed question names the harness ${name}`);
  const file = ['reference.sh', 'reference.py', 'reference.yaml'].map((f) => `seeds/content/${slug}/${f}`).find((f) => existsSync(f))!;
  return { harness: name, file };
});
// Only the first few get the 4-at-once throughput run: it takes as long as all the rest.
const THROUGHPUT = new Set(['bash-deploy', 'python-compare-manifests']);
// Issue 13: each new question (Python kit, configuration, Bash world kit) grades its reference
// end to end in under 150 ms (p50).
const KIT_GOAL_MS = 150;
const KIT = new Set([...KIT_HARNESSES, ...CONFIG_HARNESSES, ...BASH_KIT_HARNESSES].map((h) => h.name));

// Same files, same commands, same channel, no jail: paths point at a temp dir per run, the
// channel accepts as many connections as the spec allows, and the run's process group is killed
// at its end (in a jail the kernel does that when pid 1 exits).
const bareDriver: SandboxDriver = {
  name: 'bare',
  async run(spec: SandboxSpec) {
    const started = performance.now();
    const root = await mkdtemp(path.join(os.tmpdir(), 'rehearse-bare-'));
    const dirs = { harness: path.join(root, 'files'), work: path.join(root, 'work'), tmp: path.join(root, 'tmp'), channel: path.join(root, 'channel.sock') };
    const local = (text: string) => text.split(JAIL_FILES_DIR).join(dirs.harness).split(JAIL_CHANNEL_PATH).join(dirs.channel);
    try {
      for (const dir of [dirs.harness, dirs.work, dirs.tmp]) await mkdir(dir);
      for (const file of spec.files ?? []) {
        let content = file.content;
        if (typeof content === 'string' && /^(scenarios|cases)\.json$/.test(file.path)) content = JSON.stringify({ ...JSON.parse(content), paths: dirs, sweep: 'session' });
        await mkdir(path.dirname(path.join(dirs.harness, file.path)), { recursive: true });
        await writeFile(path.join(dirs.harness, file.path), content, { mode: file.executable ? 0o755 : 0o644 });
      }
      let connections = 0;
      const server = net.createServer((socket) => {
        if (++connections >= (spec.channelConnections ?? 1)) server.close();
        socket.on('error', () => {});
        spec.channel?.(socket);
      });
      await new Promise<void>((resolve) => server.listen(dirs.channel, resolve));
      const argv = spec.command.map(local);
      const env = Object.fromEntries(Object.entries({ PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', ...spec.env }).map(([k, v]) => [k, local(v)]));
      const childEnv = { ...env, HOME: dirs.work, TMPDIR: dirs.tmp, REHEARSE_CHANNEL: dirs.channel } as unknown as NodeJS.ProcessEnv;
      const child = spawn(argv[0]!, argv.slice(1), { cwd: dirs.work, detached: true, env: childEnv });
      const stdout = captureStream(child.stdout as Readable, spec.limits?.stdoutBytes ?? DEFAULT_LIMITS.stdoutBytes);
      const stderr = captureStream(child.stderr as Readable, spec.limits?.stderrBytes ?? DEFAULT_LIMITS.stderrBytes);
      const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
      await Promise.all([stdout.done, stderr.done]);
      server.close();
      return { ...sandboxInfraResult(''), infraError: null, exitCode, stdout: stdout.result().text, stderr: stderr.result().text, durationMs: Math.round(performance.now() - started) };
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function timeOne(harnessName: string, answer: string, driver: SandboxDriver) {
  const harness = findHarness(harnessName)!;
  const started = performance.now();
  const outcome = await harness.run(answer, driver);
  const ms = performance.now() - started;
  if (outcome.kind !== 'tests' || outcome.tests.some((t) => t.status !== 'pass')) {
    const why = outcome.kind === 'tests' ? outcome.tests.filter((t) => t.status !== 'pass').map((t) => t.message).join('; ') : outcome.message;
    throw new Error(`${harnessName} reference did not pass with the ${driver.name} driver: ${why}`);
  }
  return ms;
}

async function main() {
  const jail = createBwrapDriver();
  // The same jails forked by this process, as before the launcher: its share of the saving.
  const nodeForked = createBwrapDriver({ useLauncher: false, prestart: false });
  // Python and Bash: the same jails started cold (per grading), without the warm ones a grading process keeps.
  const cold = createBwrapDriver({ prestart: false });
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs; ${iterations} runs each`);
  console.log('bash-deploy: per-scenario isolation ON: one jail per scenario (own pid/mount/IPC/network namespaces, fresh /tmp, /work and HOME, own cgroup, seccomp, the script as pid 1), all seven side by side in random order, plus a bash -n jail (in a grading, bash -n runs in the ShellCheck jail instead, which this bench does not run); "sandboxed" claims the set of scenario jails the driver started after the previous grading of the question (the answer written into them then), as a grading process does; bare runs start cold, so the cold jails\' ratio is shown beside it. The fakes are shell functions through a relay in each jail (bare: on the host\'s loopback)');
  console.log('python-* (the Python kit: compare-manifests and every kit question): one jail (own cgroup, seccomp), the supervisor as pid 1 and undumpable, the answer in a child process; "sandboxed" claims the warm jail the driver started after the previous grading (answer sent over the channel, wall limit from then), as a grading process does; bare runs start Python cold, so the ratio is below the cold jail\'s, which is shown beside it. Python runs are 150 ms apart (the warm jail is back up by then)');
  console.log('bash-* (the Bash world kit): like bash-deploy, one jail per scenario plus a bash -n jail, all side by side in random order; scratch-tree questions (log cleanup, nginx switch) run an undumpable Perl supervisor as pid 1 that builds the tree, runs the script and reads the tree back');
  console.log('config-* (configuration answers): one jail (own cgroup, seccomp) running PyYAML and the question\'s checker on the YAML, no candidate code; "sandboxed" claims the jail the driver started after the previous grading of the question (PyYAML and the checker loaded, the YAML written into it then), as a grading process does; bare runs start Python cold, so the cold jail\'s ratio is shown beside it. Configuration runs are 150 ms apart, like Python\'s');
  const starter = scenarioStarter();
  console.log(`The jail launcher and the Bash scenario starter: the ${starter.kind === 'c' ? 'C builds' : `Perl builds (${starter.fallbackReason})`}.`);
  console.log('Every jail is forked by the driver\'s jail launcher, which joins its cgroups, sets its rlimits and drops root itself before exec\'ing bwrap (no bash, prlimit or setpriv); bare runs are spawned by this process (a Node fork each, which the bare figure pays and the sandboxed one no longer does).');
  console.log('A busy host (other test suites, other engineers) inflates every figure below; compare the ratio, not the milliseconds.\n');
  const echo = { command: ['/bin/bash', '-c', 'echo hi'] };
  const raw: Record<string, number[]> = { jail: [], bare: [] };
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    await jail.run(echo);
    raw.jail!.push(performance.now() - t);
    t = performance.now();
    // Its output read, as the jail's is, and no stdin pipe left open ('close' waits for every
    // stdio stream: the unread, unclosed pipes held it back by 200 ms and more).
    await new Promise((resolve) => spawn('/bin/bash', ['-c', 'echo hi'], { stdio: ['ignore', 'pipe', 'ignore'] }).on('close', resolve).stdout!.resume());
    raw.bare!.push(performance.now() - t);
  }
  console.log(`bash -c 'echo hi'           jailed p50 ${percentile(raw.jail!, 50).toFixed(1)} ms p95 ${percentile(raw.jail!, 95).toFixed(1)} ms | bare p50 ${percentile(raw.bare!, 50).toFixed(1)} ms`);
  for (const { harness, file } of REFERENCES) {
    const answer = readFileSync(file, 'utf8');
    for (let i = 0; i < 3; i++) await Promise.all([timeOne(harness, answer, jail), timeOne(harness, answer, nodeForked)]);
    const sandboxed: number[] = [];
    const forked: number[] = [];
    const bare: number[] = [];
    const coldJail: number[] = [];
    const python = harness.startsWith('python-');
    const config = harness.startsWith('config-');
    // Harnesses that claim pre-started jails (all of them): their cold figure is shown too.
    const warms = python || config || harness.startsWith('bash-');
    // A pause before each run, as between two submissions: a warm jail started after one grading is
    // up before the next, and its start-up does not land in another driver's figure.
    const pause = () => new Promise((resolve) => setTimeout(resolve, python || config ? 150 : 0));
    for (let i = 0; i < iterations; i++) {
      await pause();
      sandboxed.push(await timeOne(harness, answer, jail));
      await pause();
      bare.push(await timeOne(harness, answer, bareDriver));
      await pause();
      forked.push(await timeOne(harness, answer, nodeForked));
      if (!warms) continue;
      await pause();
      coldJail.push(await timeOne(harness, answer, cold));
    }
    const ratio = percentile(sandboxed, 50) / percentile(bare, 50);
    console.log(
      `${harness.padEnd(38)} sandboxed p50 ${percentile(sandboxed, 50).toFixed(0)} ms p95 ${percentile(sandboxed, 95).toFixed(0)} ms | bare p50 ${percentile(bare, 50).toFixed(0)} ms p95 ${percentile(bare, 95).toFixed(0)} ms | overhead x${ratio.toFixed(2)}${KIT.has(harness) ? ` | goal p50 < ${KIT_GOAL_MS} ms: ${percentile(sandboxed, 50) < KIT_GOAL_MS ? 'met' : 'NOT met'}` : ''}`,
    );
    console.log(
      `${''.padEnd(38)} (jails forked by this process instead of the launcher: p50 ${percentile(forked, 50).toFixed(0)} ms p95 ${percentile(forked, 95).toFixed(0)} ms, x${(percentile(forked, 50) / percentile(bare, 50)).toFixed(2)} of bare)`,
    );
    if (warms) {
      console.log(
        `${''.padEnd(38)} (a cold jail, started for the grading instead of the warm one: p50 ${percentile(coldJail, 50).toFixed(0)} ms p95 ${percentile(coldJail, 95).toFixed(0)} ms, x${(percentile(coldJail, 50) / percentile(bare, 50)).toFixed(2)} of bare)`,
      );
    }
    if (!THROUGHPUT.has(harness)) continue;
    const total = Math.max(8, iterations);
    let next = 0;
    const failures: string[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next++ < total) await timeOne(harness, answer, jail).catch((error: Error) => failures.push(error.message));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`${''.padEnd(38)} 4 concurrent: ${total} gradings in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(1)} gradings/s${failures.length ? `; ${failures.length} did not pass: ${failures[0]}` : ''}`);
  }
}

await main();
