/** A small argument reader for the command-line tools: positionals, repeated --flags, --flag=value. */
export interface Args {
  positionals: string[];
  flags: Map<string, string[]>;
  has(name: string): boolean;
  get(name: string): string | undefined;
  all(name: string): string[];
}

export function parseArgs(argv: string[], booleanFlags: string[] = []): Args {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const value = eq >= 0 ? arg.slice(eq + 1) : booleanFlags.includes(name) ? 'true' : argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return {
    positionals,
    flags,
    has: (name) => flags.has(name),
    get: (name) => flags.get(name)?.at(-1),
    all: (name) => flags.get(name) ?? [],
  };
}
