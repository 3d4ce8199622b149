import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker.js?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker.js?worker';
import { pluginSdkLibs } from './plugin-sdk-types.ts';

/**
 * Monaco from the bundle, never a CDN: the workers are Vite-bundled files served by our own
 * express (the CSP allows only 'self'), and @monaco-editor/react is told to use this copy.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  allowNonTsExtensions: true,
});
for (const lib of pluginSdkLibs()) ts.typescriptDefaults.addExtraLib(lib.content, lib.path);

loader.config({ monaco });

export { monaco };
