import { useTranslation } from 'react-i18next';
import { usePluginsPanelActions, usePluginsPanelStore } from './plugins-panel-store.ts';

/**
 * Opening another source replaces the one in the panel: with unsaved changes, the developer is
 * asked first (the draft on the server keeps only what was saved).
 */
export function useOpenPlugin() {
  const { t } = useTranslation();
  const { open, create } = usePluginsPanelActions();
  const mayDiscard = () => {
    const { source, savedSource, pluginId } = usePluginsPanelStore.getState();
    return source === savedSource || window.confirm(t('pluginsPanel.discard', { plugin: pluginId }));
  };
  return {
    open(clientId: string, pluginId: string, version?: string) {
      if (mayDiscard()) void open(clientId, pluginId, version);
    },
    create(pluginId: string, source: string) {
      if (mayDiscard()) create(pluginId, source);
    },
  };
}
