import { useTranslation } from 'react-i18next';
import type { ContentEditorProps } from '../../../core/views/content-editor-props.ts';
import { useFormContext } from '../form/form-context.ts';
import { ConditionGroupEditor } from './ConditionGroupEditor.tsx';
import { asGroup } from './condition-tree.ts';

/** 条件: the conditions under which an order goes down "yes". */
export function ConditionEditor({ node }: ContentEditorProps) {
  const { t } = useTranslation();
  const { change, issues: byPath } = useFormContext();
  const when = (node.content as { when?: unknown } | undefined)?.when;
  // Issues anywhere in the tree (`when.all[1].value`) are listed above it, in the compiler's words.
  const issues = [...byPath.entries()]
    .filter(([path]) => path.startsWith('when'))
    .flatMap(([, list]) => list);
  return (
    <div className="og-condition-editor">
      <p className="og-field__help">{t('condition.help')}</p>
      {issues.map((issue) => (
        <p key={issue.message} className={`og-field__issue og-field__issue--${issue.severity}`}>
          {issue.message}
        </p>
      ))}
      <ConditionGroupEditor group={asGroup(when)} onChange={(next) => change(['when'], next)} depth={0} />
    </div>
  );
}
