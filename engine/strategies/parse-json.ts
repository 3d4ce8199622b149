import { InputError } from '../errors/index.ts';

/** Where in the text a JSON.parse error points, as line and column a person can find. */
function position(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return '';
  const offset = Number(at[1]);
  const before = text.slice(0, offset).split('\n');
  return ` at line ${before.length} column ${before.at(-1)!.length + 1}`;
}

/** `parse` is JSON.parse unless the caller reads something else the same way (raw orders: `parseOrderJson`). */
export function parseJson(
  text: string,
  source: string,
  parse: (text: string) => unknown = JSON.parse,
): unknown {
  try {
    return parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const reason = message.replace(/^.*?JSON[^:]*:?\s*/i, '').replace(/ in JSON at position \d+.*$/, '');
    throw new InputError(
      'not_json',
      `${source} is not JSON${position(text, message)}: ${reason || message}`,
      { field: source },
    );
  }
}
