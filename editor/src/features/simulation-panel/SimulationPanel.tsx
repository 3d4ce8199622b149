import { useTranslation } from 'react-i18next';

/**
 * Simulation runs on the server against a stored order history; the server has no
 * simulation endpoint yet. This tab is where its progress, charts and changed orders will show.
 */
export function SimulationPanel() {
  const { t } = useTranslation();
  return (
    <div className="og-placeholder" data-testid="simulation-placeholder">
      <h2 className="og-panel-title">{t('simulation.title')}</h2>
      <p>{t('simulation.comingSoon')}</p>
      <ul>
        <li>{t('simulation.point1')}</li>
        <li>{t('simulation.point2')}</li>
        <li>{t('simulation.point3')}</li>
      </ul>
    </div>
  );
}
