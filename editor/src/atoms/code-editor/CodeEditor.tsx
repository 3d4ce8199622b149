import { lazy, Suspense } from 'react';
import type { MonacoCodeEditorProps } from './MonacoCodeEditor.tsx';

// Monaco is a few megabytes: it loads the first time a code field is shown, not with the page.
const MonacoCodeEditor = lazy(() =>
  import('./MonacoCodeEditor.tsx').then((module) => ({ default: module.MonacoCodeEditor })),
);

export type CodeEditorProps = MonacoCodeEditorProps;

export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<pre className="og-code-fallback">{props.value}</pre>}>
      <MonacoCodeEditor {...props} />
    </Suspense>
  );
}
