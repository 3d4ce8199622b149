import { type ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
}

/** The native <dialog>: focus trapping, Escape and the backdrop come from the browser. */
export function Dialog({ title, open, onClose, children, actions, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'og-dialog og-dialog--wide' : 'og-dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <h2 id={titleId} className="og-dialog__title">
        {title}
      </h2>
      <div className="og-dialog__body">{children}</div>
      {actions ? <div className="og-dialog__actions">{actions}</div> : null}
    </dialog>
  );
}
