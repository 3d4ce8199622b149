import {
  findManifest,
  type ParamSpec,
  type PluginManifest,
  paramsSchema,
  pluginLabel,
  type ValueSpec,
  valueSchema,
} from '../../../plugins/sdk/index.ts';
import type { CompileContext } from '../../compiler/compile-context.ts';
import { issueMessage } from '../../errors/index.ts';
import { factCatalogue } from '../../facts/index.ts';
import { orderPaths } from '../../order/order-paths.ts';
import type { ContentIssue } from '../node-kind.ts';
import type { OperatorPluginContent, PluginContent } from './plugin-content.ts';

/**
 * Checks a plugin node. Without manifests in the context (a lone strategy file) only what the content
 * itself can show; with them, that the build exists, is of the node's kind, and that the params, the
 * facts the node provides and the operator's fact and value match its manifest.
 */
export function validatePluginNode(content: PluginContent, context: CompileContext): ContentIssue[] {
  const issues = content.pluginKind === 'operator' ? checkOperatorFact(content) : [];
  if (context.plugins === undefined) return issues;
  const label = pluginLabel({ id: content.pluginId, version: content.version });
  const manifest = findManifest(context.plugins, content.pluginId, content.version);
  if (manifest === undefined) {
    const others = context.plugins.filter((m) => m.id === content.pluginId).map(pluginLabel);
    const installed = others.length ? `; installed: ${others.join(', ')}` : '';
    return [
      ...issues,
      { code: 'unknown_reference', path: 'version', message: `no plugin ${label}${installed}` },
    ];
  }
  if (manifest.kind !== content.pluginKind) {
    const message = `${label} is a ${manifest.kind} plugin, not a ${content.pluginKind} plugin`;
    return [...issues, { code: 'content_invalid', path: 'pluginKind', message }];
  }
  return [...issues, ...checkAgainst(content, manifest)];
}

function checkAgainst(content: PluginContent, manifest: PluginManifest): ContentIssue[] {
  if (content.pluginKind === 'fact' && manifest.kind === 'fact') {
    const unknown = content.provides.flatMap((field, i): ContentIssue[] =>
      Object.hasOwn(manifest.outputs, field)
        ? []
        : [
            {
              code: 'unknown_fact',
              path: `provides[${i}]`,
              message: `${pluginLabel(manifest)} has no output "${field}"; it has ${Object.keys(manifest.outputs).join(', ')}`,
            },
          ],
    );
    return [...unknown, ...checkParams(content.params, manifest.inputs)];
  }
  if (content.pluginKind === 'action' && manifest.kind === 'action') {
    return checkParams(content.params, manifest.inputs);
  }
  if (content.pluginKind === 'operator' && manifest.kind === 'operator') {
    return checkOperand(content, manifest.inputs);
  }
  return [];
}

function checkParams(params: Record<string, unknown>, inputs: Record<string, ParamSpec>): ContentIssue[] {
  const parsed = paramsSchema(inputs).safeParse(params);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    // An unexpected key's issue sits on the record; name the key itself.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = ['params', ...issue.path.map(String), ...keys.slice(0, 1)].join('.');
    return { code: 'content_invalid', path, message: `${path}: ${issueMessage(issue)}` };
  });
}

/** Plugins run before any stage, so an operator plugin can test the order's own fields only. */
function checkOperatorFact(content: OperatorPluginContent): ContentIssue[] {
  if (orderPaths().has(content.fact) && factCatalogue().has(content.fact)) return [];
  return [
    {
      code: 'unknown_fact',
      path: 'fact',
      message: `an operator plugin tests a field of the order, and no order has a field "${content.fact}"`,
    },
  ];
}

function checkOperand(
  content: OperatorPluginContent,
  inputs: { fact: ValueSpec; value: ValueSpec },
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const factType = orderPaths().get(content.fact);
  if (factType !== undefined && factType !== inputs.fact.type) {
    issues.push({
      code: 'operator_type_mismatch',
      path: 'fact',
      message: `${content.pluginId} tests a ${inputs.fact.type}, but ${content.fact} is a ${factType}`,
    });
  }
  const value = valueSchema(inputs.value).safeParse(content.value);
  if (!value.success) {
    issues.push({
      code: 'value_type_mismatch',
      path: 'value',
      message: `${content.pluginId}: the value ${JSON.stringify(content.value)} does not fit: ${issueMessage(value.error.issues[0]!)}`,
    });
  }
  return issues;
}
