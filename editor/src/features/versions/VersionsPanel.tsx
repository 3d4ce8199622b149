import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../atoms/Badge.tsx';
import { Button } from '../../atoms/Button.tsx';
import { useDraftInfo } from '../../stores/document-store.ts';
import {
  useDiffSelection,
  useLiveRelease,
  useReleases,
  useVersionList,
  useVersionsActions,
  useVersionsBusy,
  useVersionsError,
  useVersionsNotice,
} from '../../stores/versions-store.ts';
import { DiffView } from './DiffView.tsx';
import { formatTime } from './format-time.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { RollbackDialog } from './RollbackDialog.tsx';
import { useVersions } from './use-versions.ts';

/** History of this strategy (who cut which version when), what is live, publish, roll back, compare. */
export function VersionsPanel() {
  const { t, i18n } = useTranslation();
  const info = useDraftInfo();
  const versions = useVersionList();
  const releases = useReleases();
  const live = useLiveRelease();
  const busy = useVersionsBusy();
  const error = useVersionsError();
  const notice = useVersionsNotice();
  const diff = useDiffSelection();
  const { openDiff, closeDiff } = useVersionsActions();
  const { publishDraft, rollbackLive } = useVersions();
  const [publishing, setPublishing] = useState(false);
  const [rollingBack, setRollingBack] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);
  const liveVersion = live?.strategies.find((s) => s.strategyId === info?.strategyId)?.version;
  const when = (iso: string) => formatTime(iso, i18n.language);
  const togglePick = (version: number) =>
    setPicked((current) =>
      current.includes(version) ? current.filter((v) => v !== version) : [...current, version].slice(-2),
    );
  return (
    <div className="og-versions" data-testid="versions-panel">
      <h2 className="og-panel-title">{t('versions.title')}</h2>
      <div className="og-versions__live">
        {live ? (
          <p data-testid="live-release">
            {t('versions.live', { release: live.release, who: live.by, when: when(live.at) })}
            <br />
            {liveVersion ? t('versions.liveVersion', { version: liveVersion }) : t('versions.notLive')}
          </p>
        ) : (
          <p>{t('versions.nothingLive')}</p>
        )}
        <div className="og-versions__actions">
          <Button
            tone="primary"
            onClick={() => setPublishing(true)}
            disabled={busy !== undefined}
            data-testid="publish"
          >
            {t('versions.publish')}
          </Button>
          <Button
            onClick={() => setRollingBack(true)}
            disabled={busy !== undefined || !live || live.release < 2}
            data-testid="rollback"
          >
            {t('versions.rollback')}
          </Button>
        </div>
        {notice ? (
          <p className="og-ok" data-testid="versions-notice">
            ✓{' '}
            {notice.kind === 'published' ? t('versions.published', notice) : t('versions.rolledBack', notice)}
          </p>
        ) : null}
        {error ? (
          <p className="og-issue og-issue--error" data-testid="versions-error">
            {error}
          </p>
        ) : null}
      </div>
      <h3 className="og-subtitle">{t('versions.history')}</h3>
      <div className="og-versions__compare">
        <Button
          small
          disabled={picked.length !== 2}
          onClick={() => openDiff(Math.min(...picked), Math.max(...picked))}
        >
          {t('versions.compareTwo')}
        </Button>
        {picked.length === 1 ? (
          <Button small onClick={() => openDiff(picked[0]!, 'draft')}>
            {t('versions.compareDraft')}
          </Button>
        ) : null}
      </div>
      {versions?.length ? (
        <ul className="og-version-list" data-testid="version-list">
          {versions.map((v) => (
            <li key={v.version} className="og-version">
              <label className="og-version__pick">
                <input
                  type="checkbox"
                  checked={picked.includes(v.version)}
                  onChange={() => togglePick(v.version)}
                />
                <strong>v{v.version}</strong>
              </label>
              {v.version === liveVersion ? <Badge tone="ok">{t('versions.liveBadge')}</Badge> : null}
              <span className="og-version__meta">
                {v.author} · {when(v.createdAt)}
              </span>
              {v.note ? <span className="og-version__note">{v.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="og-muted">{t('versions.none')}</p>
      )}
      <h3 className="og-subtitle">{t('versions.releases')}</h3>
      <ul className="og-release-list">
        {(releases ?? []).slice(0, 20).map((r) => {
          const mine = r.strategies.find((s) => s.strategyId === info?.strategyId);
          return (
            <li key={r.release} className="og-release">
              <strong>#{r.release}</strong> {t(`versions.action.${r.action}`)}
              {r.restored ? ` ← #${r.restored}` : ''} · {r.by} · {when(r.at)}
              {mine ? ` · v${mine.version}` : ''}
              {r.note ? <span className="og-version__note">{r.note}</span> : null}
            </li>
          );
        })}
      </ul>
      <PublishDialog open={publishing} onClose={() => setPublishing(false)} onPublish={publishDraft} />
      <RollbackDialog
        open={rollingBack}
        live={live}
        releases={releases ?? []}
        strategyId={info?.strategyId}
        onClose={() => setRollingBack(false)}
        onRollback={(to, note) => rollbackLive(live?.release ?? 0, to, note)}
      />
      {diff && info ? (
        <DiffView
          clientId={info.clientId}
          strategyId={info.strategyId}
          left={diff.left}
          right={diff.right}
          onClose={closeDiff}
        />
      ) : null}
    </div>
  );
}
