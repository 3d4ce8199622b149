// Option parsers shared by commands; light, since every start of the CLI loads them.

/** A repeatable option's values, in order: `--table a=… --table b=…`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
