import { useTranslation } from 'react-i18next';
import { CodeEditor } from '../../atoms/code-editor/CodeEditor.tsx';
import { useEventLabel } from '../../hooks/useEventLabel.ts';
import { useHighlightActions, useLitRule } from '../../stores/highlight-store.ts';
import { useSelectionActions } from '../../stores/selection-store.ts';
import { useCompileResult } from '../../stores/validation-store.ts';

/**
 * The rule JSON the engine runs, rule by rule, with its source map: choosing a rule lights the
 * nodes and edges it came from, so a consultant sees which path became which rule.
 */
export function CompilePreview() {
  const { t } = useTranslation();
  const eventLabel = useEventLabel();
  const result = useCompileResult();
  const litRule = useLitRule();
  const { light, clear } = useHighlightActions();
  const { focusNode } = useSelectionActions();
  if (!result) return <p className="og-muted">{t('issues.checking')}</p>;
  if (!result.ok) return <p className="og-muted">{t('rules.fixFirst')}</p>;
  const { rules, sourceMap } = result.compiled;
  const chosen = rules.find((r) => r.name === litRule);
  const choose = (name: string) => {
    const entry = sourceMap[name];
    if (!entry) return;
    if (litRule === name) {
      clear();
      return;
    }
    light('rule', entry.nodeIds, entry.edgeIds, name);
    focusNode(entry.emitterId);
  };
  return (
    <div className="og-rules">
      <p className="og-field__help">{t('rules.help', { count: rules.length })}</p>
      <ol className="og-rule-list" data-testid="rule-list">
        {rules.map((rule) => (
          <li key={rule.name}>
            <button
              type="button"
              className={`og-rule ${rule.name === litRule ? 'og-rule--lit' : ''}`}
              onClick={() => choose(rule.name)}
              data-rule={rule.name}
            >
              <span className="og-rule__priority">P{rule.priority}</span>
              <span className="og-rule__name">{rule.name}</span>
              <span className="og-rule__event">{eventLabel(rule.event.type)}</span>
              <span className="og-rule__path">
                {t('rules.path', { nodes: sourceMap[rule.name]?.nodeIds.length ?? 0 })}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <CodeEditor
        value={JSON.stringify(
          chosen ? { rule: chosen, source: sourceMap[chosen.name] } : { rules, sourceMap },
          null,
          2,
        )}
        language="json"
        height={360}
        readOnly
        ariaLabel={t('rules.json')}
      />
    </div>
  );
}
