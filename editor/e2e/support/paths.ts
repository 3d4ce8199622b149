import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const EDITOR = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = `${EDITOR}dist/`;
/** Screenshots and figures of the last run (gitignored): test artifacts to look at. */
export const RESULTS = `${EDITOR}test-results/`;
