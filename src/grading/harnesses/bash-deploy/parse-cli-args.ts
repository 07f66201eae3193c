// A small getopt for the fake CLIs: long options with "=" or a separate value, clustered short
// flags (-fv, -dit), "--" as the end of options, and optionally stopping at the first positional
// (docker run IMAGE sh -c '...' must not parse the container's command as docker options).
export type ParsedArgs = { options: Map<string, string[]>; positionals: string[] };

export function parseCliArgs(args: string[], valueOptions: ReadonlySet<string>, { stopAtPositional = false } = {}): ParsedArgs {
  const options = new Map<string, string[]>();
  const positionals: string[] = [];
  const add = (name: string, value = '') => {
    const values = options.get(name);
    if (values) values.push(value);
    else options.set(name, [value]);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      if (eq > 0) add(arg.slice(0, eq), arg.slice(eq + 1));
      else if (valueOptions.has(arg)) add(arg, args[++i] ?? '');
      else add(arg);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const flag = `-${arg[j]}`;
        if (valueOptions.has(flag)) {
          add(flag, j + 1 < arg.length ? arg.slice(j + 1) : (args[++i] ?? ''));
          break;
        }
        add(flag);
      }
      continue;
    }
    positionals.push(arg);
    if (stopAtPositional) {
      positionals.push(...args.slice(i + 1));
      break;
    }
  }
  return { options, positionals };
}

export function hasOption(parsed: ParsedArgs, ...names: string[]) {
  return names.some((name) => parsed.options.has(name));
}

export function optionValue(parsed: ParsedArgs, ...names: string[]) {
  for (const name of names) {
    const values = parsed.options.get(name);
    if (values?.length) return values[values.length - 1];
  }
  return undefined;
}
