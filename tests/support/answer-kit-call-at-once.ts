// answerKitCall for tests that play a script as a list of calls: every fake answers at once
// except a configuration test that reads the scratch tree (fake-nginx.ts), which needs a jail.
import { answerKitCall } from '@/grading/harnesses/bash-kit/answer-kit-call';
import type { KitWorld } from '@/grading/harnesses/bash-kit/kit-world';
import type { KitTool } from '@/grading/harnesses/bash-kit/kit-tools';
import type { ToolReply } from '@/grading/harnesses/tool-reply';

export function answerKitCallAtOnce(world: KitWorld, argv: string[], tools?: readonly KitTool[]): ToolReply {
  const answer = answerKitCall(world, argv, tools);
  if (answer instanceof Promise) throw new Error(`${argv[0]} did not answer at once: it reads the scratch tree`);
  return answer;
}
