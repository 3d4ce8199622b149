import { useTranslation } from 'react-i18next';
import { Tabs } from '../atoms/Tabs.tsx';
import { CompilePreview } from '../features/compile-preview/CompilePreview.tsx';
import { Inspector } from '../features/node-editor/Inspector.tsx';
import { PluginsPanel } from '../features/plugins-panel/PluginsPanel.tsx';
import { SimulationPanel } from '../features/simulation-panel/SimulationPanel.tsx';
import { TestPanel } from '../features/test-panel/TestPanel.tsx';
import { IssueList } from '../features/validation/IssueList.tsx';
import { VersionsPanel } from '../features/versions/VersionsPanel.tsx';
import { useHighlightStore } from '../stores/highlight-store.ts';
import { SIDE_TABS, type SideTab, useSideTab, useUiActions } from '../stores/ui-store.ts';
import { useIssueIndex } from '../stores/validation-store.ts';

const PANELS: Record<SideTab, () => React.JSX.Element> = {
  inspector: Inspector,
  issues: IssueList,
  rules: CompilePreview,
  test: TestPanel,
  simulation: SimulationPanel,
  versions: VersionsPanel,
  plugins: PluginsPanel,
};

/** The right-hand panel: one feature per tab; features know nothing of each other. */
export function SidePanel() {
  const { t } = useTranslation();
  const tab = useSideTab();
  const { showTab } = useUiActions();
  const { errors, warnings } = useIssueIndex();
  const Panel = PANELS[tab];
  const select = (next: SideTab) => {
    // A rule lit from the Rules tab means nothing once that tab is gone; a test's lit path stays.
    if (tab === 'rules' && next !== 'rules' && useHighlightStore.getState().source === 'rule') {
      useHighlightStore.getState().actions.clear();
    }
    showTab(next);
  };
  const items = SIDE_TABS.map((id) => ({
    id,
    label:
      id === 'issues' && errors + warnings > 0 ? (
        <>
          {t(`tab.${id}`)}{' '}
          <span className={`og-tab__count ${errors ? 'og-tab__count--error' : ''}`}>{errors + warnings}</span>
        </>
      ) : (
        t(`tab.${id}`)
      ),
  }));
  return (
    <aside className="og-side">
      <Tabs items={items} active={tab} onSelect={select} label={t('tab.label')} />
      <div className="og-side__body">
        <Panel />
      </div>
    </aside>
  );
}
