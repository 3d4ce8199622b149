import type { PluginDraft } from './records.ts';

/** The draft a save writes over `previousRevision` (0 for the first): both stores count saves alike. */
export function nextPluginDraft(
  previousRevision: number,
  clientId: string,
  pluginId: string,
  source: string,
  by: string,
): PluginDraft {
  return {
    clientId,
    pluginId,
    source,
    revision: previousRevision + 1,
    savedAt: new Date().toISOString(),
    savedBy: by,
  };
}
