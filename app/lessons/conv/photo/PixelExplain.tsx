import type { ChannelArithmetic, PixelArithmetic, PixelTerm } from '../../../../engine';
import type { PhotoWords } from './messages';
import { formatFactor, formatValue } from './photoFormat';

/** Terms a sum line shows before it skips to its last few. */
const SHOWN_TERMS = 9;

/** `w·x + w·x + …`, long sums shortened in the middle (the kit's "… N more terms …"). */
function sumText(terms: readonly PixelTerm[], t: PhotoWords): string {
  const parts = terms.map((term) => `${formatFactor(term.weight)}×${formatFactor(term.input)}`);
  if (parts.length <= SHOWN_TERMS + 3) return parts.join(' + ');
  return [...parts.slice(0, SHOWN_TERMS), t.figure.arithmetic.more(parts.length - SHOWN_TERMS - 3), ...parts.slice(-3)]
    .join(' + ')
    .replace(/ \+ (…[^…]*…) \+ /, ' $1 ');
}

/** The float64 sum of some terms, in their order. */
function partial(terms: readonly PixelTerm[]): number {
  let s = 0;
  for (const term of terms) s += term.product;
  return s;
}

/** A k×k block of numbers: the input neighbourhood of one channel (padding marked) or the kernel. */
function Block({
  label,
  rows,
  cols,
  cell,
}: {
  label: string;
  rows: number;
  cols: number;
  cell: (ky: number, kx: number) => { text: string; padding?: boolean; title?: string };
}) {
  return (
    <table className="photo-block" aria-label={label}>
      <caption>{label}</caption>
      <tbody>
        {Array.from({ length: rows }, (_, ky) => (
          <tr key={ky}>
            {Array.from({ length: cols }, (_, kx) => {
              const c = cell(ky, kx);
              return (
                <td key={kx} className={c.padding ? 'is-padding' : undefined} title={c.title}>
                  {c.text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Where one output pixel comes from: for each input channel it reads, the
 * k×k neighbourhood of input values, the kernel, and the sum with the real
 * numbers, as the worker's engine computed it; then the colour it is drawn in.
 */
export function PixelExplain({
  arithmetic,
  rows,
  cols,
  swatch,
  t,
}: {
  arithmetic: PixelArithmetic;
  rows: number;
  cols: number;
  /** The drawn colour of the pixel, `rgb(…)`. */
  swatch: string;
  t: PhotoWords;
}) {
  const e = t.photo.explain;
  const name = (c: number) => e.channels[c] ?? String(c);
  const summed = arithmetic.channels.length === 1;
  const byInput = (ch: ChannelArithmetic, c: number) => ch.terms.filter((term) => term.c === c);
  const neighbourhood = (terms: readonly PixelTerm[], c: number) => (
    <Block
      label={e.neighbourhood(name(c))}
      rows={rows}
      cols={cols}
      cell={(ky, kx) => {
        const term = terms.find((x) => x.ky === ky && x.kx === kx);
        return term
          ? { text: formatValue(term.input), padding: term.padding, ...(term.padding ? { title: e.padding } : {}) }
          : { text: '' };
      }}
    />
  );
  const kernel = (terms: readonly PixelTerm[]) => (
    <Block
      label={e.kernel}
      rows={rows}
      cols={cols}
      cell={(ky, kx) => ({ text: formatValue(terms.find((x) => x.ky === ky && x.kx === kx)?.weight ?? 0) })}
    />
  );
  return (
    <div className="photo-explain-body" data-testid="pixel-arithmetic">
      <p>
        <strong>{e.pixel(arithmetic.oy, arithmetic.ox)}</strong>
      </p>
      {arithmetic.channels.map((ch) => {
        const inputs = summed ? [0, 1, 2] : [ch.channel];
        return (
          <div key={ch.channel} className="photo-explain-channel">
            {summed ? null : <p className="photo-explain-head">{e.outputChannel(name(ch.channel))}</p>}
            {inputs.map((c) => {
              const terms = byInput(ch, c);
              return (
                <div key={c} className="photo-explain-row">
                  <div className="photo-blocks">
                    {neighbourhood(terms, c)}
                    <span aria-hidden="true">⊙</span>
                    {kernel(terms)}
                  </div>
                  <p className="photo-sum">
                    {summed ? `${name(c)}: ` : ''}
                    {sumText(terms, t)} = <strong>{formatValue(summed ? partial(terms) : ch.value)}</strong>
                  </p>
                </div>
              );
            })}
            {summed ? (
              <p className="photo-sum">
                {e.sumOver} = {[0, 1, 2].map((c) => formatFactor(partial(byInput(ch, c)))).join(' + ')} ={' '}
                <strong>{formatValue(ch.value)}</strong>
              </p>
            ) : null}
          </div>
        );
      })}
      <p className="photo-shown-as">
        {e.shownAs} <span className="photo-swatch" style={{ background: swatch }} /> {swatch}
      </p>
    </div>
  );
}
