// A recorded call as the candidate sees it in the results: the command, shell-quoted, and its
// exit status.
import type { RecordedCall } from './relay-session';

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export function formatCall(call: RecordedCall) {
  return `${call.argv.map(quote).join(' ')} → exit ${call.reply.code}`;
}
