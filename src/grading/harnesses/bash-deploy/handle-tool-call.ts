// Answers one relayed call from the jail's fake tools against the scenario's world.
import type { DeployWorld } from './deploy-world';
import { fakeDocker } from './fake-docker';
import { fakeSystemctl } from './fake-systemctl';
import { reply, type ToolReply } from '../tool-reply';

export const FAKE_TOOLS = ['docker', 'systemctl'] as const;

export function handleToolCall(world: DeployWorld, argv: string[]): ToolReply {
  const [tool, ...args] = argv;
  if (tool === 'docker') return fakeDocker(world, args);
  if (tool === 'systemctl') return fakeSystemctl(world, args);
  return reply(127, '', `${tool}: command not found\n`);
}
