/** A labelled bar for a share 0–1: uploads, the server reading a history, a simulation running. */
export function ProgressBar({ share, label, testId }: { share: number; label: string; testId: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, share)) * 100);
  return (
    <div className="og-progress" data-testid={testId} data-progress={percent}>
      <div
        className="og-progress__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={label}
      >
        <div className="og-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span className="og-progress__label">{label}</span>
    </div>
  );
}
