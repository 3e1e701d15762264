import { memo, useCallback, useMemo, useState } from 'react';
import { useFigureWords } from './messages';

interface NumberFieldProps {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** Values accepted with the other settings unchanged; null when none is. */
  valid: readonly [number, number] | null;
  onChange: (v: number) => void;
}

const sameRange = (a: NumberFieldProps['valid'], b: NumberFieldProps['valid']) =>
  a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);

/**
 * A whole-number setting with hard limits and, beside it, the range the
 * engine accepts with every other setting as it is. An edit elsewhere renders
 * it again only when its value or its accepted range changes.
 */
export const NumberField = memo(
  function NumberField({ id, label, value, min, max, valid, onChange }: NumberFieldProps) {
    const t = useFigureWords();
    // What was typed when it could not be used as it was, and the value used instead.
    const [adjusted, setAdjusted] = useState<{ readonly typed: string; readonly to: number } | null>(null);
    const note =
      adjusted === null || adjusted.to !== value
        ? ''
        : Number(adjusted.typed) < min || Number(adjusted.typed) > max
          ? t.figure.controls.clamped(adjusted.typed, min, max, adjusted.to)
          : t.figure.controls.rounded(adjusted.typed, adjusted.to);
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
          aria-describedby={`${id}-range ${id}-note`}
          onChange={(e) => {
            const typed = e.target.value;
            const v = Math.round(Number(typed));
            if (!Number.isFinite(v) || typed === '') return;
            const to = Math.max(min, Math.min(max, v));
            setAdjusted(to === Number(typed) ? null : { typed, to });
            onChange(to);
          }}
        />
        <span id={`${id}-range`} className={outside ? 'range-hint range-hint--bad' : 'range-hint'}>
          {valid ? t.figure.controls.validRange(valid[0], valid[1]) : ''}
        </span>
        <span id={`${id}-note`} className="range-hint range-hint--adjusted" role="status">
          {note}
        </span>
      </span>
    );
  },
  (a, b) =>
    a.id === b.id &&
    a.label === b.label &&
    a.value === b.value &&
    a.min === b.min &&
    a.max === b.max &&
    a.onChange === b.onChange &&
    sameRange(a.valid, b.valid),
);

/**
 * One numeric parameter of a lesson's figure: its hard limits, and the range
 * `isValid` (the engine's check) accepts with every other parameter as it is.
 * `onSet` should keep its identity across renders, so untouched fields skip
 * rendering.
 */
export function ParamField<P, K extends keyof P & string>({
  id,
  label,
  params,
  param,
  limits,
  isValid,
  onSet,
}: {
  id: string;
  label: string;
  params: P;
  param: K;
  limits: readonly [number, number];
  isValid: (p: P) => boolean;
  onSet: (param: K, v: number) => void;
}) {
  const [min, max] = limits;
  const valid = useMemo(() => validRangeOf(params, param, min, max, isValid), [params, param, min, max, isValid]);
  const onChange = useCallback((v: number) => onSet(param, v), [onSet, param]);
  return (
    <NumberField
      id={id}
      label={label}
      value={Number(params[param])}
      min={min}
      max={max}
      valid={valid}
      onChange={onChange}
    />
  );
}

/** The values of one numeric setting in [min, max] that `isValid` accepts, as a range. */
function validRangeOf<P>(
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
