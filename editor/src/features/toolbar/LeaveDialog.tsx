import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Dialog } from '../../atoms/Dialog.tsx';

/** Leaving a strategy with unsaved edits: save them, drop them knowingly, or stay. */
export function LeaveDialog({
  open,
  saving,
  onStay,
  onDiscard,
  onSave,
}: {
  open: boolean;
  saving: boolean;
  onStay(): void;
  onDiscard(): void;
  onSave(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('leave.title')}
      open={open}
      onClose={onStay}
      actions={
        <>
          <Button onClick={onStay} data-testid="leave-stay">
            {t('leave.stay')}
          </Button>
          <Button tone="danger" onClick={onDiscard} data-testid="leave-discard">
            {t('leave.discard')}
          </Button>
          <Button tone="primary" disabled={saving} onClick={onSave} data-testid="leave-save">
            {t('leave.save')}
          </Button>
        </>
      }
    >
      <p data-testid="leave-message">{t('leave.explain')}</p>
    </Dialog>
  );
}
