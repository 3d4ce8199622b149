export { InputError } from './input-error.ts';
export { type ErrorLocation, OrdergraphError } from './ordergraph-error.ts';
export { describeZodIssues, issueMessage, joinPath } from './zod-issues.ts';
