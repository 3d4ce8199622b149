import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Dialog } from '../../atoms/Dialog.tsx';
import { Field } from '../../atoms/Field.tsx';
import { Select } from '../../atoms/Select.tsx';
import { TextInput } from '../../atoms/TextInput.tsx';
import { newStrategy, strategyIdFor } from '../../core/document/new-strategy.ts';
import { FAMILIES, type Family } from '../../core/engine.ts';
import { createStrategy } from '../../infrastructure/api/ordergraph-api.ts';
import { useClientActions, useStrategyList } from '../../stores/client-store.ts';
import { useRouteActions } from '../../stores/route-store.ts';

interface NewStrategyDialogProps {
  clientId: string;
  open: boolean;
  onClose(): void;
}

/** Name it and say which stage it is (its family): the editor opens with a start node. */
export function NewStrategyDialog({ clientId, open, onClose }: NewStrategyDialogProps) {
  const { t } = useTranslation();
  const strategies = useStrategyList();
  const { refreshStrategies } = useClientActions();
  const { navigate } = useRouteActions();
  const [name, setName] = useState('');
  const [family, setFamily] = useState<Family>('tag');
  const [id, setId] = useState('');
  const [error, setError] = useState<string>();
  const taken = new Set((strategies ?? []).map((s) => s.strategyId));
  const suggested = strategyIdFor(name, family, taken);
  const create = async () => {
    setError(undefined);
    const doc = newStrategy({ clientId, id: id.trim() || suggested, name: name.trim(), family });
    try {
      await createStrategy(clientId, doc);
      await refreshStrategies();
      onClose();
      navigate({ page: 'strategy', clientId, strategyId: doc.id });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog
      title={t('newStrategy.title')}
      open={open}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button
            tone="primary"
            disabled={!name.trim()}
            onClick={() => void create()}
            data-testid="create-strategy"
          >
            {t('newStrategy.create')}
          </Button>
        </>
      }
    >
      <Field label={t('newStrategy.name')} help={t('newStrategy.nameHelp')}>
        {(fieldId) => (
          <TextInput id={fieldId} value={name} onChange={setName} data-testid="new-strategy-name" />
        )}
      </Field>
      <Field label={t('newStrategy.family')} help={t(`familyHelp.${family}`)}>
        {(fieldId) => (
          <Select
            id={fieldId}
            value={family}
            options={FAMILIES.map((f) => ({ value: f, label: t(`family.${f}`) }))}
            onChange={(v) => setFamily(v as Family)}
            data-testid="new-strategy-family"
          />
        )}
      </Field>
      <Field label={t('newStrategy.id')} help={t('newStrategy.idHelp')}>
        {(fieldId) => <TextInput id={fieldId} value={id} placeholder={suggested} onChange={setId} />}
      </Field>
      {error ? <p className="og-issue og-issue--error">{error}</p> : null}
    </Dialog>
  );
}
