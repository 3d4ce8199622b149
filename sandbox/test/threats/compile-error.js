// Module syntax in a plugin: plugins are evaluated as classic scripts, so this fails at load, before any
// order reaches it (and the file read it asks for never happens).
import { readFileSync } from 'node:fs';

globalThis.__plugin = { run: () => readFileSync('/etc/passwd', 'utf8') };
