import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { monaco } from '../../../infrastructure/monaco/monaco-setup.ts';
import type { BuildMarker } from '../build-markers.ts';

/** The owner of the build's markers: Monaco's own TypeScript checks keep theirs beside them. */
const OWNER = 'ordergraph-build';

export interface PluginSourceProps {
  value: string;
  onChange(value: string): void;
  markers: readonly BuildMarker[];
  /** Moves the cursor there and scrolls it into view; a new object each time it is asked. */
  reveal: { line: number; column: number } | undefined;
  ariaLabel: string;
  height: number;
}

type CodeEditor = Parameters<OnMount>[0];

/** The plugin's TypeScript in Monaco, with the SDK's types and the server build's problems as markers. */
export function MonacoPluginSource({
  value,
  onChange,
  markers,
  reveal,
  ariaLabel,
  height,
}: PluginSourceProps) {
  const editor = useRef<CodeEditor | undefined>(undefined);

  const apply = () => {
    const model = editor.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      markers.map((m) => ({
        ...m,
        source: 'esbuild',
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      })),
    );
  };

  useEffect(apply, [markers]);

  useEffect(() => {
    const current = editor.current;
    if (!reveal || !current) return;
    current.setPosition({ lineNumber: reveal.line, column: reveal.column });
    current.revealPositionInCenter({ lineNumber: reveal.line, column: reveal.column });
    current.focus();
  }, [reveal]);

  return (
    <div className="og-code og-plugin-source nodrag nowheel" style={{ height }} data-testid="plugin-source">
      <Editor
        value={value}
        language="typescript"
        theme="vs"
        onChange={(next) => onChange(next ?? '')}
        onMount={(instance) => {
          editor.current = instance;
          apply();
        }}
        options={{
          ariaLabel,
          minimap: { enabled: false },
          glyphMargin: false,
          scrollBeyondLastLine: false,
          wordWrap: 'off',
          overviewRulerLanes: 0,
          fontSize: 13,
          tabSize: 2,
          automaticLayout: true,
          stickyScroll: { enabled: false },
        }}
      />
    </div>
  );
}
