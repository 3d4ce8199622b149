import { escapeHtml } from './escape.ts';

/**
 * Small charts drawn as inline SVG. No chart library: the report is a file a consultant emails,
 * and mail previewers and locked-down browsers show SVG but run no scripts; it also keeps the
 * file small and leaves no script for user text to break out of.
 */
export interface Series {
  name: string;
  className: string;
}

export interface BarRow {
  label: string;
  values: number[];
}

const ROWS_SHOWN = 15;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 380;
const VALUE_WIDTH = 90;
const BAR_HEIGHT = 12;
const fmt = (value: number) => value.toLocaleString('en');
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Horizontal bars, one per row, a bar per series within it; the biggest rows first, the rest counted below. */
export function barChart(rows: readonly BarRow[], series: readonly Series[]): string {
  if (rows.length === 0) return '<p class="empty">None.</p>';
  const shown = rows.slice(0, ROWS_SHOWN);
  const max = Math.max(1, ...shown.flatMap((r) => r.values));
  const rowHeight = series.length * (BAR_HEIGHT + 2) + 8;
  const height = shown.length * rowHeight;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const bars = shown.map((row, r) => {
    const top = r * rowHeight + 4;
    const label = `<text x="${LABEL_WIDTH - 8}" y="${top + rowHeight / 2}" class="label" text-anchor="end"><title>${escapeHtml(row.label)}</title>${escapeHtml(clip(row.label, 26))}</text>`;
    const rects = series.map((s, i) => {
      const value = row.values[i] ?? 0;
      const y = top + i * (BAR_HEIGHT + 2);
      const w = Math.max(value > 0 ? 1 : 0, (value / max) * BAR_WIDTH);
      return (
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" class="${s.className}"><title>${escapeHtml(`${s.name}: ${fmt(value)}`)}</title></rect>` +
        `<text x="${LABEL_WIDTH + w + 4}" y="${y + BAR_HEIGHT - 2}" class="value">${fmt(value)}</text>`
      );
    });
    return label + rects.join('');
  });
  const more =
    rows.length > shown.length
      ? `<p class="note">and ${rows.length - shown.length} more (in the JSON report)</p>`
      : '';
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${bars.join('')}</svg>${legend(series)}${more}`;
}

const HOUR_WIDTH = 26;
const HOUR_HEIGHT = 140;

/** Vertical bars per hour of the day (China time), 0 to 23. */
export function hourChart(values: readonly number[], series: Series): string {
  const max = Math.max(1, ...values);
  const width = 24 * HOUR_WIDTH + 10;
  const height = HOUR_HEIGHT + 34;
  const bars = values.map((value, hour) => {
    const h = (value / max) * HOUR_HEIGHT;
    const x = 5 + hour * HOUR_WIDTH;
    return (
      `<rect x="${x + 3}" y="${(HOUR_HEIGHT - h + 14).toFixed(1)}" width="${HOUR_WIDTH - 6}" height="${h.toFixed(1)}" class="${series.className}"><title>${hour}:00–${hour}:59 · ${escapeHtml(series.name)}: ${fmt(value)}</title></rect>` +
      `<text x="${x + HOUR_WIDTH / 2}" y="${HOUR_HEIGHT + 30}" class="axis" text-anchor="middle">${hour}</text>`
    );
  });
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"><text x="5" y="10" class="axis">max ${fmt(max)}</text>${bars.join('')}</svg>`;
}

function legend(series: readonly Series[]): string {
  if (series.length < 2) return '';
  const items = series.map(
    (s) => `<span class="key"><i class="${s.className}"></i>${escapeHtml(s.name)}</span>`,
  );
  return `<p class="legend">${items.join(' ')}</p>`;
}
