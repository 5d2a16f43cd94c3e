import type { ReactNode } from 'react';

/**
 * A button for what cannot be undone (delete, revoke, remove): asks `question` first and calls
 * `onConfirmed` only when the person says OK.
 */
export function ConfirmButton({
  question,
  onConfirmed,
  disabled,
  className = 'button ghost danger',
  children,
}: {
  question: string;
  onConfirmed: () => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      onClick={() => {
        if (window.confirm(question)) onConfirmed();
      }}
    >
      {children}
    </button>
  );
}
