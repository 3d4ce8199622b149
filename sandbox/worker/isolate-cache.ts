import type { PluginIsolate } from './plugin-isolate.ts';

/** Warm isolates by plugin key, least recently used first out; an evicted isolate is disposed. */
export class IsolateCache {
  // A Map iterates in insertion order, so re-inserting on every hit keeps the coldest entry first.
  private readonly isolates = new Map<string, PluginIsolate>();

  constructor(private readonly maxIsolates: number) {}

  get(key: string): PluginIsolate | undefined {
    const isolate = this.isolates.get(key);
    if (isolate !== undefined) {
      this.isolates.delete(key);
      this.isolates.set(key, isolate);
    }
    return isolate;
  }

  set(key: string, isolate: PluginIsolate): void {
    this.delete(key);
    this.isolates.set(key, isolate);
    for (const [coldKey] of this.isolates) {
      if (this.isolates.size <= this.maxIsolates) break;
      this.delete(coldKey);
    }
  }

  delete(key: string): void {
    this.isolates.get(key)?.dispose();
    this.isolates.delete(key);
  }
}
