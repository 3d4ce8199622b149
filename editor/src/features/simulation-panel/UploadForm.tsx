import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Select } from '../../atoms/Select.tsx';
import { TextInput } from '../../atoms/TextInput.tsx';
import { missingColumns } from '../../core/simulation/csv-preview.ts';
import type { MappingRecord } from '../../infrastructure/api/api-types.ts';
import { isCsv, putMapping } from '../../infrastructure/api/simulation-api.ts';
import { MappingEditor } from './MappingEditor.tsx';
import { EMPTY_MAPPING, type MappingDraft } from './mapping-draft.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { useCsvSample } from './use-csv-sample.ts';
import { useHistoryUpload } from './use-history-upload.ts';

const NEW = '';

/** Upload an export: NDJSON as it is, a CSV through a mapping the consultant picks or draws here. */
export function UploadForm({
  clientId,
  mappings,
  onUploaded,
}: {
  clientId: string;
  mappings: readonly MappingRecord[];
  onUploaded(historyId: string): void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [name, setName] = useState('');
  const [mappingId, setMappingId] = useState(NEW);
  const [newId, setNewId] = useState('');
  const [draft, setDraft] = useState<MappingDraft>(EMPTY_MAPPING);
  const [mappingError, setMappingError] = useState<string>();
  const csv = file !== undefined && isCsv(file);
  const sample = useCsvSample(csv ? file : undefined, draft.encoding ?? 'utf-8', draft.delimiter ?? ',');
  const { state, send } = useHistoryUpload(clientId, onUploaded);
  const busy = state.step === 'sending' || state.step === 'reading';

  const pickMapping = (id: string) => {
    setMappingId(id);
    setDraft(
      (mappings.find((m) => m.mappingId === id)?.mapping as MappingDraft | undefined) ?? EMPTY_MAPPING,
    );
  };
  const stored = mappings.find((m) => m.mappingId === mappingId)?.mapping;
  const targetId = mappingId || newId.trim();
  const blocked =
    !file ||
    busy ||
    (csv && (!targetId || (sample !== undefined && missingColumns(sample, draft).length > 0)));

  const upload = async () => {
    if (!file) return;
    setMappingError(undefined);
    if (csv && JSON.stringify(stored) !== JSON.stringify(draft)) {
      // The server reads a CSV through a stored mapping: store this one as drawn first.
      try {
        await putMapping(clientId, targetId, draft);
        setMappingId(targetId);
      } catch (error) {
        setMappingError((error as Error).message);
        return;
      }
    }
    await send(file, name.trim() || file.name, csv ? targetId : undefined);
  };

  return (
    <div className="og-upload" data-testid="history-upload">
      <h3 className="og-subtitle">{t('simulation.upload')}</h3>
      <label className="og-field__label" htmlFor="og-history-file">
        {t('simulation.file')}
      </label>
      <input
        id="og-history-file"
        type="file"
        accept=".csv,.tsv,.txt,.ndjson,.jsonl,.gz,text/csv,text/tab-separated-values,application/x-ndjson,application/gzip"
        data-testid="history-file"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          setFile(chosen);
          if (chosen) setName(chosen.name.replace(/\.gz$/i, '').replace(/\.[^.]+$/, ''));
        }}
      />
      <p className="og-field__help">{t('simulation.fileHelp')}</p>
      {file ? (
        <>
          <label className="og-field__label" htmlFor="og-history-name">
            {t('simulation.name')}
          </label>
          <TextInput id="og-history-name" value={name} onChange={setName} />
        </>
      ) : null}
      {csv ? (
        <>
          <label className="og-field__label" htmlFor="og-mapping-pick">
            {t('simulation.mapping')}
          </label>
          <Select
            id="og-mapping-pick"
            value={mappingId}
            options={[
              { value: NEW, label: t('simulation.newMapping') },
              ...mappings.map((m) => ({ value: m.mappingId, label: m.mappingId })),
            ]}
            onChange={pickMapping}
          />
          {mappingId === NEW ? (
            <>
              <label className="og-field__label" htmlFor="og-mapping-id">
                {t('simulation.mappingId')}
              </label>
              <TextInput id="og-mapping-id" value={newId} onChange={setNewId} />
            </>
          ) : null}
          <MappingEditor draft={draft} sample={sample} onChange={setDraft} />
        </>
      ) : null}
      {mappingError ? (
        <p className="og-issue og-issue--error" data-testid="mapping-error">
          {mappingError}
        </p>
      ) : null}
      <div className="og-test-panel__actions">
        <Button tone="primary" disabled={blocked} onClick={() => void upload()} data-testid="upload-history">
          {t('simulation.send')}
        </Button>
      </div>
      {state.step === 'sending' ? (
        <ProgressBar
          testId="upload-progress"
          share={state.share}
          label={t('simulation.uploading', { percent: Math.round(state.share * 100) })}
        />
      ) : null}
      {state.step === 'reading' ? (
        <ProgressBar
          testId="upload-progress"
          share={state.share}
          label={t('simulation.reading', { percent: Math.round(state.share * 100) })}
        />
      ) : null}
      {state.step === 'done' ? (
        <p className="og-muted" data-testid="upload-done">
          {t('simulation.uploaded', { rows: state.rows, skipped: state.skipped })}
        </p>
      ) : null}
      {state.step === 'failed' ? (
        <p className="og-issue og-issue--error" data-testid="upload-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
