import { missingReferences } from '../client/index.ts';
import type { CompileContext } from '../compiler/compile-context.ts';
import { issueMessage } from '../errors/index.ts';
import type { ContentIssue } from '../nodes/node-kind.ts';
import { eventDef } from './registry.ts';

/**
 * Checks an event's params against its type's schema and the client's master data; `at` is where
 * the params sit in the node's content. Unknown event types pass: integrators handle their own.
 */
export function checkEventParams(
  type: string,
  params: unknown,
  at: string,
  context: CompileContext,
): ContentIssue[] {
  const def = eventDef(type);
  if (!def) return [];
  const parsed = def.params.safeParse(params);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      code: 'content_invalid',
      path: [at, ...issue.path.map(String)].join('.'),
      message: `${type}: ${[...issue.path.map(String), issueMessage(issue)].join(' ')}`,
    }));
  }
  if (!context.client || !def.references) return [];
  return missingReferences(context.client, def.references(parsed.data)).map(({ path, message }) => ({
    code: 'unknown_reference',
    path: `${at}.${path}`,
    message,
  }));
}
