import { readFileSync } from 'node:fs';
import { InputError } from '../errors/index.ts';
import { parseJson } from '../strategies/parse-json.ts';

/** Reads a JSON file, or standard input for "-", with errors that name the file. */
export function readJsonFile(path: string, parse?: (text: string) => unknown): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new InputError('file_unreadable', `cannot read ${path}: ${why}`, { field: path });
  }
  return parseJson(text.replace(/^\uFEFF/, ''), path === '-' ? 'standard input' : path, parse);
}
