// bwrap --json-status-fd writes one JSON document when the jailed command starts
// ({"child-pid": N, ...}) and one when it exits ({"exit-code": N}). No child-pid means the jail
// itself failed to start: our problem, not the candidate's.
export type BwrapStatus = { started: boolean; exitCode: number | null };

export function parseBwrapStatus(text: string): BwrapStatus {
  const childPid = /"child-pid"\s*:\s*(\d+)/.exec(text);
  const exitCode = /"exit-code"\s*:\s*(\d+)/.exec(text);
  return { started: childPid !== null, exitCode: exitCode ? Number(exitCode[1]) : null };
}
