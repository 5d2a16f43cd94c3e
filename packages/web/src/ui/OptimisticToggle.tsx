import { useEffect, useState } from 'react';

interface Props {
  label: string;
  checked: boolean;
  disabled?: boolean;
  /** Saves the new value and tells whether it worked; the checkbox shows it at once and goes back on failure. */
  onToggle: (checked: boolean) => Promise<boolean>;
}

/** A checkbox that answers the click immediately instead of waiting for the server's round trip. */
export function OptimisticToggle({ label, checked, disabled, onToggle }: Props) {
  const [shown, setShown] = useState(checked);
  useEffect(() => setShown(checked), [checked]);
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={shown}
        disabled={disabled}
        onChange={(e) => {
          const next = e.target.checked;
          setShown(next);
          void onToggle(next).then((saved) => {
            if (!saved) setShown(!next);
          });
        }}
      />
      <span>{label}</span>
    </label>
  );
}
