export { analyseClient, type ClientIssue } from './analyse-client.ts';
export { analyseStrategy } from './analyse-strategy.ts';
