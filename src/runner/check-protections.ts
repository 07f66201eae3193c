// The runner's self-test at start: before it grades anything it runs one probe in a real jail and
// looks at its own process, and refuses to serve when a protection is off:
// - its own environment holds nothing secret-looking (build-runner-env.ts);
// - the jail has no network: no interface but loopback, and a port this process opens on
//   127.0.0.1 cannot be reached from inside;
// - the jail's environment is empty but for the sandbox's fixed base (PATH, HOME, LANG, TMPDIR);
// - cgroup limits are active: a cgroup per run, or else (a non-root runner in a pod, where no
//   cgroup is delegated) the runner's own cgroup caps memory and processes for all its jails
//   together, beside each run's rlimits. Neither: refuse;
// - candidate code does not run as root on the host: the jail has a user namespace of its own, no
//   effective capabilities, and host root is not mapped into it (files the host's root owns, such
//   as /usr, show as the overflow user; they would show as uid 0 if the jail's root were host root).
// The probe's facts are judged by judgeProbe, a pure function the unit tests call directly.
import net from 'node:net';
import { z } from 'zod';
import type { SandboxDriver } from '@/grading/sandbox/sandbox-driver';
import { findSecretVariables, type Env } from './build-runner-env';
import { readOwnCgroupLimits, type OwnCgroupLimits } from './read-own-cgroup-limits';

export type ProtectionCheck = { name: string; ok: boolean; detail: string };

// The fixed environment every jail gets (src/grading/sandbox/build-jail-args.ts), and what a shell
// or Python adds by itself.
const JAIL_BASE_ENV = new Set(['PATH', 'HOME', 'LANG', 'TMPDIR', 'PWD', 'SHLVL', '_', 'LC_CTYPE']);

const ProbeFactsSchema = z.object({
  env: z.array(z.string().max(200)).max(500),
  interfaces: z.array(z.string().max(100)).max(100).nullable(),
  uidMap: z.array(z.array(z.string().max(20)).max(3)).max(340),
  connected: z.boolean(),
  usrOwner: z.number().int(),
  capEff: z.string().max(32),
});
export type ProbeFacts = z.infer<typeof ProbeFactsSchema>;

const probe = (port: number) => `
import json, os, socket
facts = {"env": sorted(os.environ.keys()), "connected": False}
try:
    lines = open("/proc/net/dev").read().splitlines()[2:]
    facts["interfaces"] = [line.split(":")[0].strip() for line in lines]
except OSError:
    facts["interfaces"] = None
facts["uidMap"] = [line.split() for line in open("/proc/self/uid_map").read().splitlines()]
facts["usrOwner"] = os.stat("/usr").st_uid
facts["capEff"] = open("/proc/self/status").read().split("CapEff:")[1].split()[0]
try:
    socket.create_connection(("127.0.0.1", ${port}), timeout=2).close()
    facts["connected"] = True
except OSError:
    pass
print(json.dumps(facts))
`;

const NO_OWN_LIMITS: OwnCgroupLimits = { memoryBytes: null, pids: null };

export function judgeProbe({ facts, notes, ownEnv, ownLimits = NO_OWN_LIMITS }: { facts: ProbeFacts; notes: string[]; ownEnv: Env; ownLimits?: OwnCgroupLimits }): ProtectionCheck[] {
  const secrets = findSecretVariables(ownEnv);
  const extraEnv = facts.env.filter((name) => !JAIL_BASE_ENV.has(name));
  const otherInterfaces = facts.interfaces?.filter((name) => name !== 'lo') ?? null;
  const cgroupNote = notes.find((note) => note.startsWith('cgroups unavailable'));
  const sharedLimits = ownLimits.memoryBytes !== null && ownLimits.pids !== null;
  // "inside outside count": the initial user namespace maps every id to itself.
  const ranges = facts.uidMap.map((fields) => ({ outside: Number(fields[1]), count: Number(fields[2]) }));
  const noUserNamespace = ranges.length === 0 || ranges.some((range) => range.outside === 0 && range.count > 65_536);
  const hasCapabilities = !/^0+$/.test(facts.capEff);
  const hostRoot = facts.usrOwner === 0;
  return [
    {
      name: 'runner environment holds no secret',
      ok: secrets.length === 0,
      detail: secrets.length === 0 ? 'none found' : `remove ${secrets.join(', ')} from the runner's environment (npm start builds it from an allow-list; see README "Operating Rehearse")`,
    },
    {
      name: 'no network inside the jail',
      ok: !facts.connected && otherInterfaces !== null && otherInterfaces.length === 0,
      detail: facts.connected
        ? 'the jail reached a port the runner opened on 127.0.0.1'
        : otherInterfaces === null
          ? 'could not list the jail’s network interfaces'
          : otherInterfaces.length > 0
            ? `the jail sees network interfaces ${otherInterfaces.join(', ')}`
            : 'loopback only, and the host’s 127.0.0.1 is out of reach',
    },
    {
      name: 'empty environment inside the jail',
      ok: extraEnv.length === 0,
      detail: extraEnv.length === 0 ? `only ${facts.env.join(', ')}` : `the jail sees ${extraEnv.join(', ')}`,
    },
    {
      name: 'cgroup limits active',
      ok: !cgroupNote || sharedLimits,
      detail: !cgroupNote
        ? 'memory, processes and CPU share limited by a cgroup per run'
        : sharedLimits
          ? `no cgroup per run; the runner's own cgroup caps all jails together (memory ${Math.round(ownLimits.memoryBytes! / 2 ** 20)} MiB, ${ownLimits.pids} processes) beside each run's rlimits`
          : `${cgroupNote}, and no memory and process limit caps the runner's own cgroup (${ownLimits.memoryBytes === null ? 'no memory limit' : `memory ${Math.round(ownLimits.memoryBytes / 2 ** 20)} MiB`}, ${ownLimits.pids === null ? 'no pids limit' : `${ownLimits.pids} processes`}). Run it as root, delegate a cgroup to it, or limit its container: Docker/compose mem_limit and pids_limit (--memory, --pids-limit); Kubernetes resources.limits.memory and the kubelet's podPidsLimit, which the runner sees only when the pod cgroup is visible from the container (cgroup v1, or v2 without a private cgroup namespace); on v2 with a private cgroup namespace it needs a pids limit on the container itself (a runtime setting such as CRI-O's pids_limit)`,
    },
    {
      name: 'candidate code is not host root',
      ok: !noUserNamespace && !hasCapabilities && !hostRoot,
      detail: noUserNamespace
        ? 'the jail has no user namespace of its own (user namespaces do not work here)'
        : hostRoot
          ? 'the jail’s user is root on the host (files host root owns show as uid 0 inside)'
          : hasCapabilities
            ? `the jail keeps capabilities (CapEff ${facts.capEff})`
            : 'a user namespace of its own, no capabilities, host root not mapped',
    },
  ];
}

export async function checkProtections({ driver, ownEnv = process.env }: { driver: SandboxDriver; ownEnv?: Env }): Promise<ProtectionCheck[]> {
  let reached = false;
  const server = net.createServer((socket) => {
    reached = true;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
  try {
    const { port } = server.address() as net.AddressInfo;
    const result = await driver.run({ command: ['/usr/bin/python3', '-I', '-c', probe(port)], limits: { wallTimeMs: 15_000 } });
    if (result.infraError) return [{ name: 'the sandbox runs', ok: false, detail: result.infraError }];
    let facts: ProbeFacts;
    try {
      facts = ProbeFactsSchema.parse(JSON.parse(result.stdout.trim().split('\n').at(-1) ?? ''));
    } catch {
      return [{ name: 'the sandbox runs', ok: false, detail: `the probe did not report (exit ${result.exitCode}): ${result.stderr.slice(0, 500)}` }];
    }
    if (reached) facts.connected = true;
    return judgeProbe({ facts, notes: result.notes, ownEnv, ownLimits: await readOwnCgroupLimits() });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
