import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Dialog } from '../../atoms/Dialog.tsx';
import { useDocumentActions, useSaveState } from '../../stores/document-store.ts';
import { formatTime } from './format-time.ts';

/**
 * Someone saved this strategy after it was opened here. Nothing is merged behind the consultant's
 * back: they keep editing, take the other version (losing theirs), or overwrite it knowingly.
 */
export function ConflictDialog() {
  const { t, i18n } = useTranslation();
  const { conflict } = useSaveState();
  const { overwrite, reloadTheirs, dismissConflict } = useDocumentActions();
  const theirs = conflict?.theirs;
  return (
    <Dialog
      title={t('conflict.title')}
      open={conflict !== undefined}
      onClose={dismissConflict}
      actions={
        <>
          <Button onClick={dismissConflict}>{t('conflict.keepEditing')}</Button>
          <Button onClick={() => void reloadTheirs()} data-testid="conflict-reload">
            {t('conflict.reload')}
          </Button>
          <Button tone="danger" onClick={() => void overwrite()} data-testid="conflict-overwrite">
            {t('conflict.overwrite')}
          </Button>
        </>
      }
    >
      <p data-testid="conflict-message">
        {theirs
          ? t('conflict.explain', {
              who: theirs.updatedBy,
              when: formatTime(theirs.updatedAt, i18n.language),
              revision: theirs.revision,
            })
          : conflict?.message}
      </p>
      <p className="og-muted">{t('conflict.advice')}</p>
    </Dialog>
  );
}
