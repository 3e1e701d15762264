import type { ReactNode } from 'react';
import { ParamField } from './NumberField';

/** What a lesson's settings panel needs to draw its numeric parameters. */
export interface ParamControlsSpec<P, K extends keyof P & string> {
  /** Prefix of every field's element id (`conv` gives `conv-kH`). */
  readonly idPrefix: string;
  readonly params: P;
  /** Hard limits of each numeric parameter. */
  readonly limits: Readonly<Record<K, readonly [number, number]>>;
  /** The engine's validity check; each field's "valid here" values are read from it. */
  readonly isValid: (p: P) => boolean;
  /** Sets one parameter; should keep its identity across renders so untouched fields skip rendering. */
  readonly onSet: (param: K, v: number) => void;
  /** Control ids a teacher's link hides (`hide=stride,padding`). */
  readonly hidden: readonly string[];
  readonly heightLabel: string;
  readonly widthLabel: string;
}

export interface ParamControls<K> {
  /** Whether the control with this id is shown. */
  readonly show: (id: string) => boolean;
  /** One labelled field for one parameter; `extra` goes under it, inside the same control (hidden with it). */
  readonly single: (id: string, label: string, key: K, extra?: ReactNode) => ReactNode;
  /** A height × width pair of fields under one label. */
  readonly pair: (id: string, label: string, h: K, w: K) => ReactNode;
  /** The two fields of a pair alone, for a control that adds something of its own (padding's mode). */
  readonly fields: (label: string, h: K, w: K) => ReactNode;
}

/**
 * The numeric controls of a lesson's settings panel, laid out the same way in
 * every lesson: each control carries `data-control` (so `hide=` can remove
 * it), pairs read "label: height × width", and every field's accessible name
 * says which parameter and which axis it sets.
 */
export function paramControls<P, K extends keyof P & string>(spec: ParamControlsSpec<P, K>): ParamControls<K> {
  const { idPrefix, params, limits, isValid, onSet, hidden, heightLabel, widthLabel } = spec;
  const show = (id: string) => !hidden.includes(id);
  const field = (key: K, label: string) => (
    <ParamField
      id={`${idPrefix}-${key}`}
      label={label}
      params={params}
      param={key}
      limits={limits[key]}
      isValid={isValid}
      onSet={onSet}
    />
  );
  const fields = (label: string, h: K, w: K) => (
    <>
      {field(h, `${label}: ${heightLabel}`)}
      <span aria-hidden="true">×</span>
      {field(w, `${label}: ${widthLabel}`)}
    </>
  );
  return {
    show,
    fields,
    single: (id, label, key, extra) =>
      show(id) ? (
        <div className="control" data-control={id}>
          <label className="control-label" htmlFor={`${idPrefix}-${key}`}>
            {label}
          </label>
          {field(key, label)}
          {extra}
        </div>
      ) : null,
    pair: (id, label, h, w) =>
      show(id) ? (
        <div className="control" data-control={id}>
          <span className="control-label">{label}</span>
          <span className="control-pair">{fields(label, h, w)}</span>
        </div>
      ) : null,
  };
}

/** A checkbox setting (bias on/off), hideable like the rest. */
export function CheckControl({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="control" data-control={id}>
      <label className="control-check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
    </div>
  );
}
