import { useTranslation } from 'react-i18next';
import { Field } from '../../atoms/Field.tsx';
import { Select } from '../../atoms/Select.tsx';
import { TextInput } from '../../atoms/TextInput.tsx';
import { setMeta } from '../../core/document/operations.ts';
import { HIT_POLICIES, type HitPolicy } from '../../core/engine.ts';
import { useDoc, useDocumentActions } from '../../stores/document-store.ts';

/** With no node selected: the strategy itself (name, description, hit policy) and how to start. */
export function StrategySettings() {
  const { t } = useTranslation();
  const doc = useDoc();
  const { edit } = useDocumentActions();
  if (!doc) return null;
  return (
    <div className="og-inspector" data-testid="strategy-settings">
      <h2 className="og-panel-title">{t('settings.title')}</h2>
      <p className="og-inspector__description">{t('settings.howTo')}</p>
      <Field label={t('settings.name')}>
        {(id) => (
          <TextInput
            id={id}
            value={doc.name}
            onChange={(name) => edit((d) => setMeta(d, { name }), 'meta:name')}
          />
        )}
      </Field>
      <Field label={t('settings.description')}>
        {(id) => (
          <TextInput
            id={id}
            value={doc.description}
            onChange={(description) => edit((d) => setMeta(d, { description }), 'meta:description')}
          />
        )}
      </Field>
      <Field label={t('settings.family')} help={t(`familyHelp.${doc.family}`)}>
        {(id) => <TextInput id={id} value={t(`family.${doc.family}`)} onChange={() => undefined} readOnly />}
      </Field>
      <Field label={t('settings.hitPolicy')} help={t('settings.hitPolicyHelp')}>
        {(id) => (
          <Select
            id={id}
            value={doc.hitPolicy}
            options={HIT_POLICIES.map((p) => ({ value: p, label: t(`hitPolicy.${p}`) }))}
            onChange={(hitPolicy) => edit((d) => setMeta(d, { hitPolicy: hitPolicy as HitPolicy }))}
          />
        )}
      </Field>
    </div>
  );
}
