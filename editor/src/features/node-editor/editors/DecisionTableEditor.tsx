import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../atoms/Button.tsx';
import { Dialog } from '../../../atoms/Dialog.tsx';
import { Field } from '../../../atoms/Field.tsx';
import { Select } from '../../../atoms/Select.tsx';
import { switchTableEvent } from '../../../core/document/table-event.ts';
import { EVENT_TYPES } from '../../../core/engine.ts';
import type { ContentEditorProps } from '../../../core/views/content-editor-props.ts';
import { useEventLabel } from '../../../hooks/useEventLabel.ts';
import { useFormContext } from '../form/form-context.ts';
import { useFieldIssues } from '../form/use-field-issues.ts';
import { DecisionTableGrid } from './DecisionTableGrid.tsx';
import { readTable, type TableContent } from './decision-table-ops.ts';

/** 决策表: the grid in the inspector, and the same grid full width for big tables. */
export function DecisionTableEditor({ node }: ContentEditorProps) {
  const { t } = useTranslation();
  const eventLabel = useEventLabel();
  const { change, issues } = useFormContext();
  const [wide, setWide] = useState(false);
  const table = readTable(node.content);
  const write = (next: TableContent) => change([], next);
  const rowIssues = useMemo(() => {
    const out = new Map<number, string[]>();
    for (const [path, list] of issues) {
      const match = /^rows\[(\d+)\]/.exec(path);
      if (match)
        out.set(Number(match[1]), [...(out.get(Number(match[1])) ?? []), ...list.map((i) => i.message)]);
    }
    return out;
  }, [issues]);
  const eventTypeIssues = useFieldIssues(['eventType']);
  const options = EVENT_TYPES.map((e) => ({ value: e, label: `${eventLabel(e)} · ${e}` }));
  const grid = <DecisionTableGrid table={table} onChange={write} rowIssues={rowIssues} />;
  return (
    <div className="og-table-editor">
      <Field label={t('table.eventType')} help={t('table.eventTypeHelp')} issues={eventTypeIssues}>
        {(id) => (
          <Select
            id={id}
            value={table.eventType}
            options={options}
            onChange={(eventType) => write(switchTableEvent(table, eventType))}
          />
        )}
      </Field>
      <p className="og-field__help">{t('table.help')}</p>
      <Button small onClick={() => setWide(true)}>
        ⤢ {t('table.openWide')}
      </Button>
      {wide ? null : grid}
      <Dialog
        title={node.name || t('table.title')}
        open={wide}
        onClose={() => setWide(false)}
        wide
        actions={
          <Button tone="primary" onClick={() => setWide(false)}>
            {t('dialog.done')}
          </Button>
        }
      >
        {wide ? grid : null}
      </Dialog>
    </div>
  );
}
