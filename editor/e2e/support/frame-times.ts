import type { Page } from 'playwright-core';

export interface FrameStats {
  frames: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Records requestAnimationFrame deltas in the page while `action` runs: what a person feels as smoothness. */
export async function measureFrames(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => {
    const w = window as unknown as { __og_frames: number[]; __og_stop: boolean };
    w.__og_frames = [];
    w.__og_stop = false;
    let last = performance.now();
    const loop = (now: number) => {
      w.__og_frames.push(now - last);
      last = now;
      if (!w.__og_stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await action();
  const deltas = await page.evaluate(() => {
    const w = window as unknown as { __og_frames: number[]; __og_stop: boolean };
    w.__og_stop = true;
    return w.__og_frames.slice(1);
  });
  const sorted = [...deltas].sort((a, b) => a - b);
  const mean = deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length);
  return {
    frames: deltas.length,
    meanMs: Number(mean.toFixed(1)),
    p95Ms: Number((sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1)),
    maxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
  };
}

/** A point of the canvas with nothing on it (a press there pans instead of dragging a node), near `corner`. */
async function emptyPoint(page: Page, corner: 'top-left' | 'bottom-left'): Promise<{ x: number; y: number }> {
  return page.evaluate((corner) => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let dy = 12; dy < pane.height - 12; dy += 16) {
      for (let dx = 12; dx < pane.width - 12; dx += 16) {
        const y = corner === 'top-left' ? pane.top + dy : pane.bottom - dy;
        const hit = document.elementFromPoint(pane.left + dx, y);
        if (hit?.classList.contains('react-flow__pane')) return { x: pane.left + dx, y };
      }
    }
    throw new Error('no empty spot on the canvas');
  }, corner);
}

/** Drags the empty canvas (not a node) by (dx, dy) over `steps` mouse moves, as a person pans. */
export async function panCanvas(page: Page, dx: number, dy: number, steps = 60): Promise<void> {
  const { x, y } = await emptyPoint(page, dy < 0 ? 'bottom-left' : 'top-left');
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
  await page.mouse.up();
}
