#!/usr/bin/env node
// The CLI is TypeScript; tsx loads it without a build step, so `npm ci` is the whole install.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
