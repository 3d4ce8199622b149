import { lazy, Suspense } from 'react';
import type { PluginSourceProps } from './MonacoPluginSource.tsx';

// Monaco is a few megabytes: it loads when the panel first shows a source, not with the page.
const MonacoPluginSource = lazy(() =>
  import('./MonacoPluginSource.tsx').then((module) => ({ default: module.MonacoPluginSource })),
);

export function PluginSource(props: PluginSourceProps) {
  return (
    <Suspense fallback={<pre className="og-code-fallback">{props.value}</pre>}>
      <MonacoPluginSource {...props} />
    </Suspense>
  );
}
