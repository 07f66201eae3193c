// The grader's end of a scratch-tree jail's channel. The first connection is the supervisor's
// (it connects before the script exists): it is sent the tree to build and the script's arguments,
// and its one report (exit status, what is left in /work) is read, validated and bounded here.
// Every later connection is a fake tool's call, handed to the relay session.
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { readJsonLines } from '../read-json-lines';
import type { KitWorld, TreeEntryKind } from './kit-world';
import type { WorldSpec } from './world-spec';

// Seconds the supervisor gives the script; the jail's wall time is longer, so the report still comes.
export const TREE_SCRIPT_SECONDS = 3;

const ReportSchema = z.object({
  t: z.literal('end'),
  exitCode: z.number().int().nullable(),
  timedOut: z.boolean(),
  cut: z.boolean(),
  entries: z.array(z.object({ path: z.string().max(4096), kind: z.enum(['file', 'dir', 'symlink', 'other']), target: z.string().max(4096).optional() })).max(2000),
});
export type TreeReport = { exitCode: number | null; timedOut: boolean };

export function createTreeSession(world: KitWorld, tree: NonNullable<WorldSpec['tree']>, args: string[], relay: (socket: Duplex) => void) {
  const outcome: { report: TreeReport | null; problem: string | null } = { report: null, problem: null };
  let first = true;

  function accept(socket: Duplex) {
    if (!first) return relay(socket);
    first = false;
    socket.on('error', () => socket.destroy());
    readJsonLines(
      socket,
      (message) => {
        if (outcome.report || outcome.problem) return;
        const parsed = ReportSchema.safeParse(message);
        if (!parsed.success) {
          outcome.problem = 'the supervisor sent a report the grader could not read';
          return;
        }
        world.tree = { built: world.tree?.built ?? [], final: new Map(parsed.data.entries.map((e) => [e.path, { kind: e.kind as TreeEntryKind, target: e.target }])), cut: parsed.data.cut };
        outcome.report = { exitCode: parsed.data.exitCode, timedOut: parsed.data.timedOut };
        socket.end();
      },
      (problem) => {
        outcome.problem ??= problem;
      },
      4 << 20,
    );
    const setup = { entries: tree, args, seconds: TREE_SCRIPT_SECONDS };
    socket.write(`${JSON.stringify(setup)}\n`);
  }

  return { accept, outcome };
}
