/**
 * The plugin SDK's declaration file (`plugins/sdk/plugin-sdk.d.ts`, self-contained: it declares
 * the module '@ordergraph/plugin-sdk'), bundled as text for Monaco's TypeScript service so plugin
 * code gets IntelliSense and inline type errors. A glob, so the editor builds with or without it.
 */
const sources = import.meta.glob<string>('../../../../plugins/sdk/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function pluginSdkLibs(): { path: string; content: string }[] {
  return Object.entries(sources).map(([file, content]) => ({
    path: `file:///ordergraph/${file.split('/').pop()}`,
    content,
  }));
}
