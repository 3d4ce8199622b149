import { create } from 'zustand';
import { ApiFailure } from '../../infrastructure/api/api-error.ts';
import type { PluginCreatedAnswer } from '../../infrastructure/api/api-types.ts';
import {
  checkPluginBuild,
  type InstalledPlugin,
  installPlugin,
  listInstalledPlugins,
  listPluginDrafts,
  type PluginBuildCheckAnswer,
  type PluginBuildIssueView,
  type PluginDraft,
  type PluginTrialAnswer,
  type PluginTrialInput,
  readPluginDraft,
  readPluginVersion,
  runPluginTrial,
  savePluginDraft,
} from '../../infrastructure/api/plugin-api.ts';

/** Where the open source came from: the server's draft, an installed version, or a new template. */
export type SourceOrigin =
  | { kind: 'draft'; revision: number }
  | { kind: 'version'; version: string }
  | { kind: 'new' };

/** One call's state: not made, under way, answered, or failed with the server's words. */
export type Call<T> =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; answer: T }
  | { state: 'failed'; status: number; code: string; message: string; issues: PluginBuildIssueView[] };

const idle = { state: 'idle' } as const;

interface PluginsPanelState {
  clientId: string | undefined;
  installed: InstalledPlugin[];
  drafts: Omit<PluginDraft, 'source'>[];
  listing: Call<true>;
  /** The plugin id the open source is kept under (its draft's name). */
  pluginId: string | undefined;
  origin: SourceOrigin;
  source: string;
  /** The source as last saved or loaded: the draft is unsaved while `source` differs. */
  savedSource: string;
  save: Call<PluginDraft>;
  check: Call<PluginBuildCheckAnswer>;
  /** The source the last check answered for: its markers hold only while the text is unchanged. */
  checkedSource: string | undefined;
  trial: Call<PluginTrialAnswer>;
  install: Call<PluginCreatedAnswer>;
  actions: {
    load(clientId: string): Promise<void>;
    open(clientId: string, pluginId: string, version?: string): Promise<void>;
    create(pluginId: string, source: string): void;
    edit(source: string): void;
    saveDraft(): Promise<void>;
    checkBuild(): Promise<void>;
    /** Runs the open source, or an installed build when one is named. */
    runTrial(
      input: Omit<PluginTrialInput, 'plugin'>,
      installed?: { pluginId: string; version: string },
    ): Promise<void>;
    install(): Promise<void>;
  };
}

function failed(error: unknown): Extract<Call<never>, { state: 'failed' }> {
  if (!(error instanceof ApiFailure)) throw error;
  const raw = error.details.issues;
  const issues = Array.isArray(raw)
    ? raw.filter((i): i is PluginBuildIssueView => typeof (i as { at?: unknown })?.at === 'string')
    : [];
  return { state: 'failed', status: error.status, code: error.code, message: error.message, issues };
}

/**
 * The plugins panel's work: it outlives the panel (switching tabs unmounts it), so a half-written
 * plugin, its build's problems and the last test stay until the developer opens another plugin.
 */
export const usePluginsPanelStore = create<PluginsPanelState>()((set, get) => {
  const fresh = { save: idle, check: idle, checkedSource: undefined, trial: idle, install: idle };
  return {
    clientId: undefined,
    installed: [],
    drafts: [],
    listing: idle,
    pluginId: undefined,
    origin: { kind: 'new' },
    source: '',
    savedSource: '',
    ...fresh,
    actions: {
      async load(clientId) {
        if (get().clientId !== clientId) {
          set({
            clientId,
            pluginId: undefined,
            source: '',
            savedSource: '',
            origin: { kind: 'new' },
            ...fresh,
          });
        }
        set({ listing: { state: 'busy' } });
        try {
          const [installed, drafts] = await Promise.all([
            listInstalledPlugins(clientId),
            listPluginDrafts(clientId),
          ]);
          set({ installed, drafts, listing: { state: 'done', answer: true } });
        } catch (error) {
          set({ listing: failed(error) });
        }
      },

      async open(clientId, pluginId, version) {
        try {
          if (version === undefined && get().drafts.some((d) => d.pluginId === pluginId)) {
            const draft = await readPluginDraft(clientId, pluginId);
            set({
              pluginId,
              origin: { kind: 'draft', revision: draft.revision },
              source: draft.source,
              savedSource: draft.source,
              ...fresh,
            });
            return;
          }
          const versions = get().installed.find((p) => p.pluginId === pluginId)?.versions ?? [];
          const chosen = version ?? versions.at(-1);
          if (!chosen) return;
          const installed = await readPluginVersion(clientId, pluginId, chosen);
          set({
            pluginId,
            origin: { kind: 'version', version: chosen },
            source: installed.source,
            savedSource: installed.source,
            ...fresh,
          });
        } catch (error) {
          set({ listing: failed(error) });
        }
      },

      create(pluginId, source) {
        set({ pluginId, origin: { kind: 'new' }, source, savedSource: '', ...fresh });
      },

      edit(source) {
        set({ source });
      },

      async saveDraft() {
        const { clientId, pluginId, source } = get();
        if (!clientId || !pluginId) return;
        set({ save: { state: 'busy' } });
        try {
          const draft = await savePluginDraft(clientId, pluginId, source);
          const drafts = [
            ...get().drafts.filter((d) => d.pluginId !== pluginId),
            { ...draft, source: undefined },
          ].sort((a, b) => a.pluginId.localeCompare(b.pluginId));
          set({
            save: { state: 'done', answer: draft },
            savedSource: source,
            origin: { kind: 'draft', revision: draft.revision },
            drafts,
          });
        } catch (error) {
          set({ save: failed(error) });
        }
      },

      async checkBuild() {
        const { clientId, source } = get();
        if (!clientId) return;
        set({ check: { state: 'busy' } });
        try {
          set({
            check: { state: 'done', answer: await checkPluginBuild(clientId, source) },
            checkedSource: source,
          });
        } catch (error) {
          set({ check: failed(error), checkedSource: source });
        }
      },

      async runTrial(input, installed) {
        const { clientId, source } = get();
        if (!clientId) return;
        set({ trial: { state: 'busy' } });
        const plugin = installed ?? { source };
        try {
          set({ trial: { state: 'done', answer: await runPluginTrial(clientId, { ...input, plugin }) } });
        } catch (error) {
          set({ trial: failed(error) });
        }
      },

      async install() {
        const { clientId, source } = get();
        if (!clientId) return;
        set({ install: { state: 'busy' } });
        try {
          const answer = await installPlugin(clientId, source);
          set({ install: { state: 'done', answer } });
          await get().actions.load(clientId);
        } catch (error) {
          set({ install: failed(error) });
        }
      },
    },
  };
});

export const usePluginsPanelActions = () => usePluginsPanelStore((s) => s.actions);
