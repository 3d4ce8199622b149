import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { TextInput } from '../../atoms/TextInput.tsx';
import type { StandardOrder } from '../../core/engine.ts';
import { testCaseFrom, withTest } from '../../core/test-run/test-case.ts';
import { useMasterData } from '../../stores/client-store.ts';
import { useDocumentActions, useDocumentStore } from '../../stores/document-store.ts';

/** Keeps the order just tried as one of the strategy's tests, expecting what the draft decides for it now. */
export function SaveTestCase({ order }: { order: StandardOrder }) {
  const { t } = useTranslation();
  const client = useMasterData();
  const { edit } = useDocumentActions();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | undefined>();
  const save = async () => {
    const draft = useDocumentStore.getState().history?.present;
    if (!draft) return;
    const test = await testCaseFrom({
      draft,
      ...(client ? { client } : {}),
      order,
      name: name.trim() || order.id,
    });
    if (!test) return;
    edit((doc) => withTest(doc, test));
    setSaved(test.name);
    setName('');
  };
  return (
    <div className="og-test-panel__save">
      <TextInput
        value={name}
        onChange={setName}
        placeholder={t('test.caseName', { id: order.id })}
        aria-label={t('test.caseNameLabel')}
        data-testid="test-case-name"
      />
      <Button onClick={() => void save()} data-testid="save-test-case">
        {t('test.saveAsCase')}
      </Button>
      {saved ? (
        <p className="og-field__help" data-testid="test-case-saved">
          {t('test.caseSaved', { name: saved })}
        </p>
      ) : null}
    </div>
  );
}
