import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Dialog } from '../../atoms/Dialog.tsx';
import { Select } from '../../atoms/Select.tsx';
import type { Release } from '../../infrastructure/api/api-types.ts';
import { useVersionsBusy } from '../../stores/versions-store.ts';
import { formatTime } from './format-time.ts';

interface RollbackDialogProps {
  open: boolean;
  live: Release | undefined;
  releases: readonly Release[];
  strategyId: string | undefined;
  onClose(): void;
  onRollback(toRelease: number, note: string): Promise<boolean>;
}

/**
 * Rolling back changes what every order gets: the consultant picks the release to return to
 * (the one before live unless they choose), sees what it means for this strategy, and says why.
 */
export function RollbackDialog({
  open,
  live,
  releases,
  strategyId,
  onClose,
  onRollback,
}: RollbackDialogProps) {
  const { t, i18n } = useTranslation();
  const busy = useVersionsBusy();
  const earlier = releases.filter((r) => live && r.release < live.release);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const before = earlier[0] ? String(earlier[0].release) : '';
  useEffect(() => {
    if (open) setTarget(before);
  }, [open, before]);
  const chosen = earlier.find((r) => String(r.release) === target);
  const versionIn = (r: Release | undefined) =>
    r?.strategies.find((s) => s.strategyId === strategyId)?.version;
  const submit = async () => {
    if (chosen && (await onRollback(chosen.release, note))) {
      setNote('');
      onClose();
    }
  };
  return (
    <Dialog
      title={t('rollback.title')}
      open={open}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button
            tone="danger"
            onClick={() => void submit()}
            disabled={!chosen || busy !== undefined}
            data-testid="confirm-rollback"
          >
            {t('rollback.confirm', { release: chosen?.release ?? '' })}
          </Button>
        </>
      }
    >
      <label className="og-field__label" htmlFor="og-rollback-to">
        {t('rollback.to')}
      </label>
      <Select
        id="og-rollback-to"
        value={target}
        options={earlier.map((r) => ({
          value: String(r.release),
          label: `#${r.release} · ${r.by} · ${formatTime(r.at, i18n.language)}${r.note ? ` · ${r.note}` : ''}`,
        }))}
        onChange={setTarget}
      />
      {chosen ? (
        <p data-testid="rollback-effect">
          {t('rollback.effect', {
            live: live?.release,
            release: chosen.release,
            from: versionIn(live) ? `v${versionIn(live)}` : t('rollback.absent'),
            to: versionIn(chosen) ? `v${versionIn(chosen)}` : t('rollback.absent'),
          })}
        </p>
      ) : null}
      <label className="og-field__label" htmlFor="og-rollback-note">
        {t('rollback.note')}
      </label>
      <textarea
        id="og-rollback-note"
        className="og-input og-textarea"
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
    </Dialog>
  );
}
