import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../../../engine/conditions/schema.ts';
import { Button } from '../../../atoms/Button.tsx';
import { ConditionLeafEditor } from './ConditionLeafEditor.tsx';
import { asGroup, type Group, isGroup, isLeaf, membersOf, NEW_LEAF, withMembers } from './condition-tree.ts';

interface ConditionGroupEditorProps {
  group: Group;
  onChange(group: Condition): void;
  onRemove?(): void;
  depth: number;
}

/** "All of" / "any of" a list of conditions and nested groups; "not" wraps one member. */
export function ConditionGroupEditor({ group, onChange, onRemove, depth }: ConditionGroupEditorProps) {
  const { t } = useTranslation();
  const members = membersOf(group);
  const mode = 'all' in group ? 'all' : 'any';
  const setMember = (i: number, next: Condition | undefined) =>
    onChange(
      withMembers(
        group,
        next === undefined ? members.filter((_, j) => j !== i) : members.map((m, j) => (j === i ? next : m)),
      ),
    );
  return (
    <div className={`og-cond-group og-cond-group--depth-${Math.min(depth, 3)}`}>
      <div className="og-cond-group__bar">
        <select
          className="og-input og-select nodrag"
          aria-label={t('condition.mode')}
          value={mode}
          onChange={(event) => onChange(event.target.value === 'all' ? { all: members } : { any: members })}
        >
          <option value="all">{t('condition.all')}</option>
          <option value="any">{t('condition.any')}</option>
        </select>
        {onRemove ? (
          <Button small tone="ghost" onClick={onRemove} aria-label={t('condition.removeGroup')}>
            ✕
          </Button>
        ) : null}
      </div>
      {members.map((member, i) => {
        const negated = typeof member === 'object' && member !== null && 'not' in member;
        const inner = negated ? (member as { not: Condition }).not : member;
        const wrap = (next: Condition) => (negated ? { not: next } : next);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no ids; their place is their identity.
          <div className="og-cond-member" key={i}>
            <label className="og-cond-not">
              <input
                type="checkbox"
                className="nodrag"
                checked={negated}
                onChange={(event) => setMember(i, event.target.checked ? { not: inner } : inner)}
              />
              {t('condition.notShort')}
            </label>
            {isLeaf(inner) ? (
              <ConditionLeafEditor
                leaf={inner}
                onChange={(next) => setMember(i, wrap(next))}
                onRemove={() => setMember(i, undefined)}
              />
            ) : (
              <ConditionGroupEditor
                group={isGroup(inner) ? inner : asGroup(inner)}
                onChange={(next) => setMember(i, wrap(next))}
                onRemove={() => setMember(i, undefined)}
                depth={depth + 1}
              />
            )}
          </div>
        );
      })}
      <div className="og-cond-group__add">
        <Button small onClick={() => onChange(withMembers(group, [...members, { ...NEW_LEAF }]))}>
          ＋ {t('condition.addCondition')}
        </Button>
        <Button
          small
          tone="ghost"
          onClick={() => onChange(withMembers(group, [...members, { any: [{ ...NEW_LEAF }] }]))}
        >
          ＋ {t('condition.addGroup')}
        </Button>
      </div>
    </div>
  );
}
