// What a fake tool answers: the exit code and the text it prints, as the real tool would.
// `unmodelled`: set when the fake refused a real command or expression only because this grader
// does not model it (not because the script was wrong), saying what; the judge then reports that
// first instead of the consequences (bash-kit/judge-kit-assertion.ts). Never sent to the jail.
// `hangs`: the real tool would never answer this call (curl with no --max-time on a request that
// gets no response); it says what the call waits on, and the relay does not answer it
// (bash-deploy/relay-session.ts). Code and text then stand for nothing the script sees.
export type ToolReply = { code: number; out: string; err: string; unmodelled?: string; hangs?: string };

export const reply = (code: number, out = '', err = ''): ToolReply => ({ code, out, err });
