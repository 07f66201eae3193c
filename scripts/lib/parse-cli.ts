// The command-line scripts' one way to read their arguments: node's parseArgs, plus what a person
// typing them expects: `--help` (or `-h`) prints the usage and exits 0, and an unknown option, a
// missing value or a wrong number of arguments prints one line saying so and the usage, exit 2 —
// never a stack trace, and never a file named "--help".
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCli<const O extends Options>(config: {
  /** The script's name as `npm run` knows it, e.g. "user:create". */
  name: string;
  /** One line: `usage: npm run … -- …`. */
  usage: string;
  options: O;
  /** How many positional arguments the script takes (default none). */
  positionals?: { min: number; max: number };
  argv?: string[];
}) {
  const argv = config.argv ?? process.argv.slice(2);
  const { min, max } = config.positionals ?? { min: 0, max: 0 };
  const refuse = (problem: string): never => {
    console.error(`[${config.name}] ${problem}`);
    console.error(config.usage);
    process.exit(2);
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(config.usage);
    process.exit(0);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: config.options, allowPositionals: max > 0, strict: true });
  } catch (error) {
    // parseArgs's messages name the option ("Unknown option '--emial'"); its advice about `--`
    // is for a different program, so only the first sentence is kept.
    const message = error instanceof Error ? error.message.split('. ')[0]!.replace(/\.$/, '') : String(error);
    return refuse(message);
  }
  const { positionals } = parsed;
  if (positionals.length < min) refuse(min === 1 ? 'an argument is missing' : `${min} arguments are needed, ${positionals.length} given`);
  if (positionals.length > max) refuse(`unexpected argument "${positionals[max]}"`);
  return parsed;
}
