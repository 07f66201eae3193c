// Parses the fakes' call log. Lines without this run's nonce (anything else that wrote to fd 9)
// are dropped; a line is "<nonce>\x1f<tool>\x1f<arg>…".
import type { Call } from './replay-calls';

export function parseCallLog(log: string, nonce: string): Call[] {
  const calls: Call[] = [];
  for (const line of log.split('\n')) {
    const [head, tool, ...args] = line.split('\x1f');
    if (head !== nonce || (tool !== 'docker' && tool !== 'systemctl')) continue;
    calls.push({ tool, args });
  }
  return calls;
}

export function formatCall(call: Call): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return [call.tool, ...call.args.map(quote)].join(' ');
}
