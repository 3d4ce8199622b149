import { useTranslation } from 'react-i18next';
import { Select } from '../../atoms/Select.tsx';
import { CSV_FIELD_NAMES } from '../../core/simulation/csv-fields.ts';
import { type CsvSample, mapRows, missingColumns } from '../../core/simulation/csv-preview.ts';
import { fieldOf, type MappingDraft, withColumn } from './mapping-draft.ts';

const FIELD_OPTIONS = CSV_FIELD_NAMES.map((f) => ({ value: f, label: f }));
const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'gb18030', label: 'GB18030 (GBK)' },
  { value: 'utf-16le', label: 'UTF-16LE (Excel Unicode text)' },
];

/**
 * Which column of the file fills which standard order field, and the first rows as they will be
 * read: the consultant sees 订单编号 land in `id` before a month of orders goes up.
 */
export function MappingEditor({
  draft,
  sample,
  onChange,
}: {
  draft: MappingDraft;
  sample: CsvSample | undefined;
  onChange(next: MappingDraft): void;
}) {
  const { t } = useTranslation();
  const missing = sample ? missingColumns(sample, draft) : [];
  const preview = sample ? mapRows(sample, draft) : [];
  const fields = CSV_FIELD_NAMES.filter((f) => preview.some((row) => f in row));
  return (
    <div className="og-mapping" data-testid="mapping-editor">
      <label className="og-field__label" htmlFor="og-mapping-encoding">
        {t('simulation.encoding')}
      </label>
      <Select
        id="og-mapping-encoding"
        value={draft.encoding ?? 'utf-8'}
        options={ENCODINGS}
        onChange={(encoding) => onChange({ ...draft, encoding })}
      />
      <label className="og-field__label" htmlFor="og-mapping-delimiter">
        {t('simulation.delimiter')}
      </label>
      <Select
        id="og-mapping-delimiter"
        value={draft.delimiter ?? ','}
        options={[
          { value: ',', label: t('simulation.delimiterComma') },
          { value: '\t', label: t('simulation.delimiterTab') },
          { value: ';', label: t('simulation.delimiterSemicolon') },
        ]}
        onChange={(delimiter) => onChange({ ...draft, delimiter })}
      />
      {sample ? (
        <table className="og-sim-table og-mapping__columns">
          <thead>
            <tr>
              <th>{t('simulation.column')}</th>
              <th>{t('simulation.field')}</th>
              <th>{t('simulation.firstValue')}</th>
            </tr>
          </thead>
          <tbody>
            {sample.headers.map((header, i) => (
              <tr key={header} data-column={header}>
                <td>{header}</td>
                <td>
                  <Select
                    aria-label={header}
                    value={fieldOf(draft, header)}
                    options={FIELD_OPTIONS}
                    placeholder={t('simulation.unmapped')}
                    onChange={(field) => onChange(withColumn(draft, header, field))}
                  />
                </td>
                <td className="og-muted">{sample.rows[0]?.[i] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {missing.length ? (
        <p className="og-issue og-issue--error" data-testid="mapping-missing">
          {t('simulation.missing', { columns: missing.join('、') })}
        </p>
      ) : null}
      {fields.length ? (
        <>
          <h3 className="og-subtitle">{t('simulation.preview')}</h3>
          <div className="og-table-wrap">
            <table className="og-sim-table" data-testid="mapping-preview">
              <thead>
                <tr>
                  {fields.map((f) => (
                    <th key={f}>{f}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.map((row, r) => (
                  // Rows of a sample have no id of their own but their place.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the sample is fixed while shown
                  <tr key={r}>
                    {fields.map((f) => (
                      <td key={f}>{row[f]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
