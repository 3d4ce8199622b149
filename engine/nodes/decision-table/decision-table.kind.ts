import { z } from 'zod';
import type { CompileContext } from '../../compiler/compile-context.ts';
import { type Condition, compileCondition, validateCondition } from '../../conditions/index.ts';
import {
  type AnyEventDef,
  checkEventParams,
  type EventCatalogue,
  unknownEventType,
} from '../../events/index.ts';
import { type ContentIssue, defineNodeKind, type NodeKindDef } from '../node-kind.ts';

const columnId = z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "_" or "-"');

const CellSchema = z.object({ operator: z.string().min(1), value: z.unknown() }).nullable();

export const DecisionTableContentSchema = z.object({
  inputs: z.array(
    z.object({ id: columnId, fact: z.string().min(1, 'choose a field'), label: z.string().default('') }),
  ),
  outputs: z
    .array(z.object({ id: columnId, param: z.string().min(1), label: z.string().default('') }))
    .min(1),
  eventType: z.string().min(1),
  rows: z.array(
    z.object({
      id: columnId,
      when: z.record(z.string(), CellSchema).default({}),
      outputs: z.record(z.string(), z.unknown()).default({}),
      note: z.string().default(''),
    }),
  ),
});
export type DecisionTableContent = z.infer<typeof DecisionTableContentSchema>;
type Row = DecisionTableContent['rows'][number];

/** A row's cells as one condition; an empty cell matches anything. */
function rowCondition(content: DecisionTableContent, row: Row): Condition | null {
  const leaves = content.inputs.flatMap((input) => {
    const cell = row.when[input.id];
    return cell ? [{ fact: input.fact, operator: cell.operator, value: cell.value }] : [];
  });
  return leaves.length ? { all: leaves } : null;
}

function rowParams(content: DecisionTableContent, row: Row): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const output of content.outputs) {
    if (row.outputs[output.id] !== undefined) params[output.param] = row.outputs[output.id];
  }
  return params;
}

function validateRow(
  content: DecisionTableContent,
  event: AnyEventDef | undefined,
  row: Row,
  i: number,
  context: CompileContext,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const unknownColumns = Object.keys(row.when).filter(
    (key) => !content.inputs.some((input) => input.id === key),
  );
  for (const key of unknownColumns) {
    issues.push({
      code: 'unknown_reference',
      path: `rows[${i}].when.${key}`,
      message: `row ${row.id}: no input column "${key}"`,
    });
  }
  const params = rowParams(content, row);
  if (Object.keys(params).length === 0) {
    issues.push({
      code: 'empty_row',
      path: `rows[${i}].outputs`,
      message: `row ${row.id} has no output: fill at least one output cell`,
    });
  } else if (event) {
    const outputIdOf = (param: string) => content.outputs.find((o) => o.param === param)?.id ?? param;
    for (const issue of checkEventParams(event, params, 'params', context)) {
      const [, param, ...rest] = issue.path.split('.');
      const cell = [`rows[${i}].outputs`, param && outputIdOf(param), ...rest].filter(Boolean).join('.');
      issues.push({ ...issue, path: cell, message: `row ${row.id}: ${issue.message}` });
    }
  }
  content.inputs.forEach((input) => {
    const cell = row.when[input.id];
    if (!cell) return;
    for (const issue of validateCondition(
      { fact: input.fact, operator: cell.operator, value: cell.value },
      'cell',
    )) {
      issues.push({ ...issue, path: issue.path.replace(/^cell/, `rows[${i}].when.${input.id}`) });
    }
  });
  return issues;
}

/**
 * Rows are rules in order; the first row that matches is the table's only hit. Every row emits
 * the one event type the table picks from the catalogue; the table declares none of its own.
 */
export function decisionTableKind(catalogue: EventCatalogue): NodeKindDef<DecisionTableContent> {
  return defineNodeKind<DecisionTableContent>({
    kind: 'decisionTable',
    version: 1,
    group: 'flow',
    label: { en: 'Decision table', zh: '决策表' },
    description: {
      en: 'Rows are tested top to bottom; the first matching row gives the outputs. An empty cell matches anything.',
      zh: '从上到下逐行匹配，命中第一行即输出。空单元格表示任意。',
    },
    schema: DecisionTableContentSchema,
    defaults: () => ({
      inputs: [{ id: 'province', fact: 'receiver.province', label: '' }],
      outputs: [{ id: 'warehouse', param: 'warehouse', label: '' }],
      eventType: 'route',
      rows: [],
    }),
    acceptsInput: true,
    outputs: () => [],
    requiredOutputs: () => [],
    validate: (content, context) => {
      const event = catalogue.def(content.eventType);
      const issues: ContentIssue[] = event
        ? []
        : [unknownEventType(content.eventType, 'eventType', catalogue)];
      issues.push(...content.rows.flatMap((row, i) => validateRow(content, event, row, i, context)));
      const catchAll = content.rows.findIndex((row) => rowCondition(content, row) === null);
      content.rows.slice(catchAll + 1).forEach((row, j) => {
        if (catchAll < 0) return;
        issues.push({
          code: 'empty_row',
          severity: 'warning',
          path: `rows[${catchAll + 1 + j}]`,
          message: `row ${row.id} is never reached: row ${content.rows[catchAll]!.id} above it matches every order`,
        });
      });
      if (content.rows.length === 0) {
        issues.push({
          code: 'no_rules',
          severity: 'warning',
          path: 'rows',
          message: 'the table has no rows',
        });
      }
      return issues;
    },
    emit: (content) =>
      content.rows.map((row) => {
        const condition = rowCondition(content, row);
        return {
          key: row.id,
          condition: condition && compileCondition(condition),
          event: { type: content.eventType, params: rowParams(content, row) },
          group: 'table',
        };
      }),
    events: [],
    migrations: {},
  });
}
