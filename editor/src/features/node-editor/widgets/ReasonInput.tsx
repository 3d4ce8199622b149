import { useId } from 'react';
import { TextInput } from '../../../atoms/TextInput.tsx';
import { useKnownReasons } from '../../../hooks/useKnownReasons.ts';

/** A reason code: typed freely, or picked from the codes the client already uses. */
export function ReasonInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange(next: string): void;
}) {
  const list = useId();
  const reasons = useKnownReasons();
  return (
    <>
      <TextInput id={id} value={value} onChange={onChange} list={list} data-testid="reason-input" />
      <datalist id={list}>
        {reasons.map((reason) => (
          <option key={reason} value={reason} />
        ))}
      </datalist>
    </>
  );
}
