import { useMessages } from '../../app/useMessages';

/**
 * A whole-number setting with hard limits and, beside it, the range the
 * engine accepts with every other setting as it is.
 */
export function NumberField({
  id,
  label,
  value,
  min,
  max,
  valid,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** Values accepted with the other settings unchanged; null when none is. */
  valid: readonly [number, number] | null;
  onChange: (v: number) => void;
}) {
  const t = useMessages();
  // Outside the accepted range: this setting alone can mend the configuration.
  // With no accepted value the problem lies elsewhere, so nothing is flagged here.
  const outside = valid !== null && (value < valid[0] || value > valid[1]);
  return (
    <span className="number-field">
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-label={label}
        aria-invalid={outside}
        aria-describedby={`${id}-range`}
        onChange={(e) => {
          const v = Math.round(Number(e.target.value));
          if (Number.isFinite(v) && e.target.value !== '') onChange(Math.max(min, Math.min(max, v)));
        }}
      />
      <span id={`${id}-range`} className={outside ? 'range-hint range-hint--bad' : 'range-hint'}>
        {valid ? t.conv.controls.validRange(valid[0], valid[1]) : ''}
      </span>
    </span>
  );
}

/** The values of one numeric setting in [min, max] that `isValid` accepts, as a range. */
export function validRangeOf<P>(
  p: P,
  key: keyof P,
  min: number,
  max: number,
  isValid: (p: P) => boolean,
): [number, number] | null {
  let lo: number | null = null;
  let hi: number | null = null;
  for (let v = min; v <= max; v++) {
    if (isValid({ ...p, [key]: v })) {
      lo ??= v;
      hi = v;
    }
  }
  return lo === null || hi === null ? null : [lo, hi];
}
