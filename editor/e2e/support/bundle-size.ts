import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DIST } from './paths.ts';

export interface BundleFigures {
  /** What the page loads before anything is clicked: index.html's script and stylesheet. */
  entryJs: { bytes: number; gzip: number };
  css: { bytes: number; gzip: number };
  /** Stylesheets that load with lazy chunks (Monaco's). */
  lazyCss: { bytes: number; gzip: number };
  /** Monaco, loaded the first time a code field shows: its core, language chunks and workers. */
  monacoJs: { bytes: number; gzip: number; files: number };
  workers: { bytes: number; files: number };
}

const size = (file: string) => {
  const data = readFileSync(file);
  return { bytes: statSync(file).size, gzip: gzipSync(data).length };
};

/** The built editor's weight, from editor/dist: the entry chunk(s) index.html names, and the rest. */
export function bundleFigures(): BundleFigures {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const entries = new Set([...html.matchAll(/assets\/([^"']+\.(?:js|css))/g)].map((m) => m[1]!));
  const assets = readdirSync(`${DIST}assets`);
  const figures: BundleFigures = {
    entryJs: { bytes: 0, gzip: 0 },
    css: { bytes: 0, gzip: 0 },
    lazyCss: { bytes: 0, gzip: 0 },
    monacoJs: { bytes: 0, gzip: 0, files: 0 },
    workers: { bytes: 0, files: 0 },
  };
  for (const name of assets) {
    const file = `${DIST}assets/${name}`;
    const s = size(file);
    if (name.endsWith('.css')) {
      const into = entries.has(name) ? figures.css : figures.lazyCss;
      into.bytes += s.bytes;
      into.gzip += s.gzip;
    } else if (!name.endsWith('.js')) {
    } else if (entries.has(name)) {
      figures.entryJs.bytes += s.bytes;
      figures.entryJs.gzip += s.gzip;
    } else {
      figures.monacoJs.bytes += s.bytes;
      figures.monacoJs.gzip += s.gzip;
      figures.monacoJs.files++;
      if (/worker/i.test(name)) {
        figures.workers.bytes += s.bytes;
        figures.workers.files++;
      }
    }
  }
  return figures;
}
