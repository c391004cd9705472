/**
 * A labelled on/off switch: a real checkbox with role="switch", so it is keyboard-operable
 * (Tab, Space), announced as "switch, on/off", and its whole label is the click target.
 */
import { useId } from 'preact/hooks';

interface SwitchProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** A second line under the label, read out as the switch's description. */
  hint?: string;
  disabled?: boolean;
  /** Stable hook for tests and styling. */
  name: string;
}

export function Switch({ label, checked, onChange, hint, disabled, name }: SwitchProps) {
  const labelId = useId();
  const hintId = useId();
  return (
    <label class="switch">
      <span class="switch-text">
        <span class="switch-label" id={labelId}>
          {label}
        </span>
        {hint && (
          <span class="switch-hint" id={hintId}>
            {hint}
          </span>
        )}
      </span>
      <input
        type="checkbox"
        role="switch"
        name={name}
        checked={checked}
        disabled={disabled}
        // The name is the label alone; the hint (inside the same <label>) is the description.
        aria-labelledby={labelId}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </label>
  );
}
