import { OrdergraphError } from '../../engine/errors/index.ts';

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * An error the API answers with on purpose: a status, a stable code for machines, a message for
 * people, and what else helps to fix the request (field paths, the current revision).
 */
export class ApiError extends OrdergraphError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);

export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} does not exist`);

/** The body, path or query did not validate; `issues` names each field by its path. */
export const invalidRequest = (where: 'body' | 'params' | 'query' | 'headers', issues: FieldIssue[]) =>
  new ApiError(
    400,
    'invalid_request',
    `the request ${where} is not valid: ${issues.map((i) => `${i.field || where}: ${i.message}`).join('; ')}`,
    { issues },
  );
