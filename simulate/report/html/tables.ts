import type { DecisionOutline } from '../../decide/decision-outline.ts';
import { CHANGE_KINDS, type ChangeKind, KIND_READERS } from '../../diff/change-kinds.ts';
import type { SimulationReport } from '../report-schema.ts';
import { escapeHtml as e } from './escape.ts';

const fmt = (value: number) => value.toLocaleString('en');

function table(head: readonly string[], rows: readonly string[][], className = ''): string {
  if (rows.length === 0) return '<p class="empty">None.</p>';
  const th = head.map((h) => `<th>${e(h)}</th>`).join('');
  // Cells arrive as HTML the caller built from escaped text.
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table class="${className}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** One decision in a line: "held (unpaid) · WH-SH · SF · gifts G1×1 · 2 parcels". */
export function describeOutline(view: DecisionOutline): string {
  if (view.status === 'failed') return `failed: ${view.error ?? ''}`;
  const parts = [
    view.holds.length > 0 ? `${view.status} (${view.holds.join(', ')})` : view.status,
    KIND_READERS.warehouse.label(view),
    view.carrier ?? '(no carrier)',
  ];
  if (view.gifts.length > 0) parts.push(`gifts ${KIND_READERS.gifts.label(view)}`);
  if (view.parcels.length > 0) parts.push(KIND_READERS.split.label(view));
  if (view.merged) parts.push('merged');
  if (view.tags.length > 0) parts.push(`tags ${view.tags.join(', ')}`);
  return parts.join(' · ');
}

const KIND_TITLES: Readonly<Record<ChangeKind, string>> = {
  status: 'Outcome (approved / held / flagged)',
  holdReasons: 'Hold reasons',
  warehouse: 'Warehouse',
  carrier: 'Carrier',
  gifts: 'Gifts',
  split: 'Split into parcels',
  merge: 'Merged with an earlier order',
  tags: 'Tags',
};

export function changesSection(changed: NonNullable<SimulationReport['changed']>, decided: number): string {
  const summary = table(
    ['what changed', 'orders'],
    CHANGE_KINDS.map((kind) => [e(KIND_TITLES[kind]), fmt(changed.byKind[kind].count)]),
  );
  const groups = CHANGE_KINDS.filter((kind) => changed.byKind[kind].count > 0).map((kind) => {
    const group = changed.byKind[kind];
    const transitions = table(
      ['baseline', 'candidate', 'orders'],
      group.transitions.map((t) => [e(t.from), e(t.to), fmt(t.count)]),
    );
    const examples = table(
      ['order', 'line', 'time', 'remark', 'baseline', 'candidate'],
      group.examples.map((x) => [
        e(x.orderId),
        String(x.line),
        e(x.time),
        e(x.remark),
        e(describeOutline(x.baseline)),
        e(describeOutline(x.candidate)),
      ]),
      'examples',
    );
    return `<h3>${e(KIND_TITLES[kind])}: ${fmt(group.count)} orders</h3>${transitions}<h4>First orders it changed</h4>${examples}`;
  });
  return `<p>${fmt(changed.count)} of ${fmt(decided)} orders are decided differently by the candidate.</p>${summary}${groups.join('')}`;
}

export function ruleHitsTable(report: SimulationReport): string {
  const baselineHits = new Map(
    report.baseline?.ruleHits.map((r) => [`${r.strategyId}\u0000${r.rule}`, r.hits]),
  );
  const head = ['strategy', 'family', 'rule', 'nodes', 'orders'];
  if (report.baseline) head.push('baseline orders');
  const rows = report.ruleHits.map((r) => {
    const cells = [
      e(r.strategyId),
      e(r.family),
      e(r.rule),
      e(r.nodeIds.join(' → ')),
      r.hits === 0 ? '<span class="never">never fired</span>' : fmt(r.hits),
    ];
    if (report.baseline) {
      const hits = baselineHits.get(`${r.strategyId}\u0000${r.rule}`);
      cells.push(hits === undefined ? '—' : fmt(hits));
    }
    return cells;
  });
  return table(head, rows, 'rules');
}

export function skippedTable(rows: SimulationReport['skipped'], total: number): string {
  const shown = table(
    ['line', 'order', 'reason'],
    rows.map((r) => [String(r.line), e(r.orderId ?? ''), e(r.reason)]),
  );
  const note =
    total > rows.length ? `<p class="note">The first ${rows.length} of ${fmt(total)}, by line.</p>` : '';
  return shown + note;
}
