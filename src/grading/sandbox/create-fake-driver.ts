// A driver that runs nothing, for unit tests of the code around the sandbox (result mapping,
// harness sessions). It hands the spec to `respond`, which may play the runner's side of the
// channel, and returns its result. Never use it for attack tests: those need the real jail.
import { PassThrough, Duplex } from 'node:stream';
import { sandboxInfraResult, type SandboxDriver, type SandboxResult, type SandboxSpec } from './sandbox-driver';

export type FakeRunner = {
  // Lines the fake runner sends on the channel; `reply` receives each line the grader writes back.
  respond(spec: SandboxSpec, channel: { send: (message: object) => void; replies: string[] }): Promise<Partial<SandboxResult>> | Partial<SandboxResult>;
};

export function createFakeDriver(runner: FakeRunner): SandboxDriver & { specs: SandboxSpec[] } {
  const specs: SandboxSpec[] = [];
  return {
    name: 'fake',
    specs,
    async run(spec) {
      specs.push(spec);
      const toGrader = new PassThrough();
      const fromGrader = new PassThrough();
      const replies: string[] = [];
      fromGrader.setEncoding('utf8');
      fromGrader.on('data', (chunk: string) => replies.push(...chunk.split('\n').filter(Boolean)));
      spec.channel?.(Duplex.from({ readable: toGrader, writable: fromGrader }));
      const partial = await runner.respond(spec, { send: (message) => toGrader.write(`${JSON.stringify(message)}\n`), replies });
      toGrader.end();
      // Let the grader's stream handlers see every line before the run "ends".
      await new Promise((resolve) => setImmediate(resolve));
      return { ...sandboxInfraResult(''), infraError: null, exitCode: 0, ...partial };
    },
  };
}
