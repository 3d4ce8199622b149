import type { Locator, Page } from 'playwright-core';

/** A palette item dragged onto the canvas at (x, y) of the canvas box: the HTML5 drag a person makes. */
export async function dragKindToCanvas(
  page: Page,
  kind: string,
  at: { x: number; y: number },
): Promise<void> {
  await page.dragAndDrop(
    `.og-palette__item[data-kind="${kind}"]`,
    '[data-testid="canvas"] .react-flow__pane',
    {
      targetPosition: at,
    },
  );
}

export const node = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);

/** A branch handle (`true`, `out`, a case id) or the input handle of a node. */
export const handle = (page: Page, nodeId: string, which: string | 'in'): Locator =>
  which === 'in'
    ? node(page, nodeId).locator('.react-flow__handle.target')
    : node(page, nodeId).locator(`.react-flow__handle.source[data-handleid="${which}"]`);

/** Draws an edge the way a person does: press on the branch handle, move over the target, release. */
export async function connect(page: Page, from: string, branch: string, to: string): Promise<void> {
  await viewportSettled(page);
  const source = await handle(page, from, branch).boundingBox();
  const target = await handle(page, to, 'in').boundingBox();
  if (!source || !target) throw new Error(`handles of ${from}.${branch} → ${to} are not on screen`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Waits until the canvas stops moving (fit view and focus animate): two reads of its transform agree. */
export async function viewportSettled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const now = (await page.locator('.react-flow__viewport').first().getAttribute('style')) ?? '';
    if (now && now === last) return;
    last = now;
    await page.waitForTimeout(120);
  }
}
