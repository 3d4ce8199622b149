/** What a new plugin starts from: a fact plugin with one input, so the inputs form has something to show. */
export function pluginTemplate(pluginId: string): string {
  return `import { definePlugin } from '@ordergraph/plugin-sdk';

export default definePlugin({
  manifest: {
    kind: 'fact',
    id: '${pluginId}',
    version: '1.0.0',
    name: '${pluginId}',
    reads: ['buyerMessage'],
    inputs: {
      keyword: { type: 'string', description: 'what to look for in the buyer message' },
    },
    outputs: { found: { type: 'boolean' } },
  },
  run(order, ctx) {
    // The order holds only what "reads" names, and a platform may leave any of it out.
    const keyword = String(ctx.params.keyword ?? '');
    return { found: keyword !== '' && (order.buyerMessage ?? '').includes(keyword) };
  },
});
`;
}
