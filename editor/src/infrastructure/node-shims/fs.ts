/** The browser has no files: engine code that looks for one finds none, and reading one fails loudly. */
export function existsSync(_path: string): boolean {
  return false;
}

export function readFileSync(path: unknown): never {
  throw new Error(`cannot read ${String(path)} in the browser`);
}

export function readdirSync(path: unknown): never {
  throw new Error(`cannot list ${String(path)} in the browser`);
}

export function statSync(path: unknown): never {
  throw new Error(`cannot stat ${String(path)} in the browser`);
}
