import { parseOrderJson } from '../engine.ts';

export type PastedOrder = { ok: true; order: unknown } | { ok: false; message: string };

/** An order pasted into the test panel, read as the server reads raw orders: TOP's 19-digit ids keep every digit. */
export function readPastedOrder(text: string): PastedOrder {
  try {
    return { ok: true, order: parseOrderJson(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
