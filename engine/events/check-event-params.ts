import { missingReferences } from '../client/index.ts';
import type { CompileContext } from '../compiler/compile-context.ts';
import { issueMessage } from '../errors/index.ts';
import type { ContentIssue } from '../nodes/node-kind.ts';
import type { AnyEventDef } from './event-def.ts';

/**
 * Checks an event's params against its type's schema and the client's master data; `at` is where
 * the params sit in the node's content. A type no kind declares has no def: `unknownEventType`.
 */
export function checkEventParams(
  def: AnyEventDef,
  params: unknown,
  at: string,
  context: CompileContext,
): ContentIssue[] {
  const parsed = def.params.safeParse(params);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      code: 'content_invalid',
      path: [at, ...issue.path.map(String)].join('.'),
      message: `${def.type}: ${[...issue.path.map(String), issueMessage(issue)].join(' ')}`,
    }));
  }
  if (!context.client || !def.references) return [];
  return missingReferences(context.client, def.references(parsed.data)).map(({ path, message }) => ({
    code: 'unknown_reference',
    path: `${at}.${path}`,
    message,
  }));
}
