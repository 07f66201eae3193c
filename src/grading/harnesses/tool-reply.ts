// What a fake tool answers: the exit code and the text it prints, as the real tool would.
export type ToolReply = { code: number; out: string; err: string };

export const reply = (code: number, out = '', err = ''): ToolReply => ({ code, out, err });
