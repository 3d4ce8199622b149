import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Dialog } from '../../atoms/Dialog.tsx';
import { useIssueIndex } from '../../stores/validation-store.ts';
import { useVersionsBusy } from '../../stores/versions-store.ts';

interface PublishDialogProps {
  open: boolean;
  onClose(): void;
  onPublish(note: string): Promise<boolean>;
}

/** What goes live needs a word on why: the note is kept with the version and the release. */
export function PublishDialog({ open, onClose, onPublish }: PublishDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const busy = useVersionsBusy();
  const { errors } = useIssueIndex();
  const submit = async () => {
    if (await onPublish(note)) {
      setNote('');
      onClose();
    }
  };
  return (
    <Dialog
      title={t('publish.title')}
      open={open}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button
            tone="primary"
            onClick={() => void submit()}
            disabled={busy !== undefined || errors > 0}
            data-testid="confirm-publish"
          >
            {busy === 'publishing' ? t('publish.publishing') : t('publish.confirm')}
          </Button>
        </>
      }
    >
      <p>{t('publish.explain')}</p>
      {errors > 0 ? (
        <p className="og-issue og-issue--error">{t('publish.hasErrors', { count: errors })}</p>
      ) : null}
      <label className="og-field__label" htmlFor="og-publish-note">
        {t('publish.note')}
      </label>
      <textarea
        id="og-publish-note"
        className="og-input og-textarea"
        rows={3}
        value={note}
        placeholder={t('publish.notePlaceholder')}
        onChange={(event) => setNote(event.target.value)}
      />
    </Dialog>
  );
}
