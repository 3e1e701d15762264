import { memo, useCallback, useMemo, useState } from 'react';
import { useFigureWords } from './messages';

interface NumberFieldProps {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** Values accepted with the other settings unchanged, ascending (empty when none is); null for no hint. */
  valid: readonly number[] | null;
  onChange: (v: number) => void;
}

const sameValues = (a: NumberFieldProps['valid'], b: NumberFieldProps['valid']) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]));

/**
 * The accepted values as the hint words them: `lo–hi` when they run without a
 * gap, else each value (groups with 4 and 4 channels: 1, 2, 4, since 3 does not
 * divide 4). Null when no value is accepted.
 */
export function validValuesHint(
  valid: readonly number[],
  words: {
    readonly validRange: (lo: number, hi: number) => string;
    readonly validValues: (values: readonly number[]) => string;
  },
): string | null {
  const lo = valid[0];
  const hi = valid[valid.length - 1];
  if (lo === undefined || hi === undefined) return null;
  return hi - lo + 1 === valid.length ? words.validRange(lo, hi) : words.validValues(valid);
}

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
    // Not an accepted value: this setting alone can mend the configuration.
    // With no accepted value the problem lies elsewhere, so nothing is flagged here.
    const outside = valid !== null && valid.length > 0 && !valid.includes(value);
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
          {valid ? (validValuesHint(valid, t.figure.controls) ?? '') : ''}
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
    sameValues(a.valid, b.valid),
);

/**
 * One numeric parameter of a lesson's figure: its hard limits, and the values
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
  const valid = useMemo(() => validValuesOf(params, param, min, max, isValid), [params, param, min, max, isValid]);
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

/** The values of one numeric setting in [min, max] that `isValid` accepts, ascending. */
export function validValuesOf<P>(p: P, key: keyof P, min: number, max: number, isValid: (p: P) => boolean): number[] {
  const values: number[] = [];
  for (let v = min; v <= max; v++) if (isValid({ ...p, [key]: v })) values.push(v);
  return values;
}
