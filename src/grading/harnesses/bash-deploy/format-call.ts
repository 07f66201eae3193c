// A recorded call as the candidate sees it in the results: the command, shell-quoted, and its
// exit status (or that it got no answer: a call the real tool would never answer). Bounded
// (arguments shown, length of each) and made printable, so a call with a megabyte of arguments
// costs a line, not a megabyte, in the stored result.
import { capText } from './cap-text';
import { storableText } from '../../storable-text';
import type { RecordedCall } from './relay-session';

export const MAX_SHOWN_ARGS = 24;
export const MAX_SHOWN_ARG_BYTES = 160;

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export function formatCall(call: RecordedCall) {
  const shown = call.argv.slice(0, MAX_SHOWN_ARGS).map((arg) => quote(storableText(capText(arg, MAX_SHOWN_ARG_BYTES))));
  const hidden = call.argv.length - shown.length;
  if (hidden > 0) shown.push(`…[${hidden} more arguments]`);
  if (call.requestTruncated) shown.push('…[arguments cut at the grader\'s limit]');
  if (call.hung === 'waiting') return `${shown.join(' ')} → no answer (still waiting when the grader ended the run)`;
  if (call.hung === 'gave-up') return `${shown.join(' ')} → no answer (the caller stopped waiting)`;
  return `${shown.join(' ')} → exit ${call.reply.code}`;
}
