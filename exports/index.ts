// `ordergraph`: everything the subpath entries export, for an integrator who wants one import.
// The engine core only: it runs in a browser as well as in Node (no sandbox, server or files here).
export * from './compiler.ts';
export * from './operators.ts';
export * from './order.ts';
export * from './runtime.ts';
