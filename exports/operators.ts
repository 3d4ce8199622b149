// `ordergraph/operators`: our json-rules-engine operators, and `registerOperators(engine)` to add them to yours.
export * from '../engine/operators/index.ts';
