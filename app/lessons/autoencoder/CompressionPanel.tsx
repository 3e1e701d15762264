import { useMemo } from 'react';
import { rateVerdict } from '../../../engine/nn';
import { PhotoCanvas } from './PhotoCanvas';
import { RateChart } from './RateChart';
import type { AutoencoderWords } from './messages';
import type { Trainer } from './useTrainer';
import { AE_LIMITS } from './aeState';

const f2 = (v: number) => v.toFixed(2);

/**
 * The latent quantised to b bits and deflated, measured; the same photo as
 * JPEG at the nearest size; both codecs' rate–distortion curves and a
 * sentence computed from them.
 */
export function CompressionPanel({
  trainer,
  bits,
  onBits,
  t,
}: {
  trainer: Trainer;
  bits: number;
  onBits: (bits: number) => void;
  t: AutoencoderWords;
}) {
  const w = t.autoencoder.compression;
  const { compressed, aeCurve, jpegCurve } = trainer;
  /** The JPEG whose size is nearest the autoencoder's code. */
  const matched = useMemo(() => {
    if (!compressed || !jpegCurve?.length) return null;
    return jpegCurve.reduce((best, j) =>
      Math.abs(j.bytes - compressed.bytes) < Math.abs(best.bytes - compressed.bytes) ? j : best,
    );
  }, [compressed, jpegCurve]);
  const verdict = useMemo(
    () => (aeCurve && jpegCurve?.length ? rateVerdict(aeCurve, jpegCurve) : null),
    [aeCurve, jpegCurve],
  );
  const side = compressed?.width ?? 256;
  const sentence = (() => {
    if (!verdict) return null;
    switch (verdict.kind) {
      case 'none':
        return w.verdictNone;
      case 'b-wins':
        return w.verdictJpeg(f2(verdict.at.bpp), f2(verdict.at.a), f2(verdict.at.b));
      case 'a-wins':
        return w.verdictOurs(f2(verdict.at.bpp), f2(verdict.at.a), f2(verdict.at.b));
      case 'mixed':
        return w.verdictMixed(f2(verdict.crossing), f2(verdict.bestA.a));
    }
  })();
  return (
    <section className="ae-panel" aria-labelledby="ae-compress-title">
      <h2 id="ae-compress-title" className="panel-title">
        {w.title}
      </h2>
      <label className="control">
        <span className="control-label">{w.bitsValue(bits)}</span>
        <input
          type="range"
          min={AE_LIMITS.bits[0]}
          max={AE_LIMITS.bits[1]}
          step={1}
          value={bits}
          aria-label={w.bits}
          onChange={(e) => onBits(Number(e.target.value))}
        />
      </label>
      {compressed ? (
        <ul className="ae-facts" data-testid="ae-compressed">
          <li>{w.latent(compressed.latentValues, compressed.setting)}</li>
          <li>{w.bytes(compressed.bytes)}</li>
          <li>{w.bpp(f2(compressed.bpp))}</li>
          <li>PSNR {f2(compressed.psnr)} dB</li>
        </ul>
      ) : (
        <p className="hint">{w.measuring}</p>
      )}
      <div className="ae-pair">
        <figure>
          <PhotoCanvas rgba={compressed?.rgba ?? null} width={side} height={side} label={w.ours} />
          <figcaption>
            {w.ours}
            {compressed ? ` · ${compressed.bytes} B · ${f2(compressed.psnr)} dB` : ''}
          </figcaption>
        </figure>
        <figure>
          <PhotoCanvas rgba={matched?.rgba ?? null} width={side} height={side} label={w.jpeg} />
          <figcaption>
            {matched ? `${w.jpegAt(String(matched.setting), matched.bytes)} · ${f2(matched.psnr)} dB` : w.jpeg}
          </figcaption>
        </figure>
      </div>
      {jpegCurve && jpegCurve.length === 0 ? <p className="hint">{w.noJpeg}</p> : null}
      <h3 className="panel-title">{w.chartTitle}</h3>
      <div className="ae-scroll" tabIndex={0} role="region" aria-label={w.chartTitle}>
        <RateChart
          ours={aeCurve ?? []}
          jpeg={jpegCurve ?? []}
          current={compressed}
          matched={matched}
          label={w.chartTitle}
          oursName={w.ours}
          jpegName={w.jpeg}
          bppTitle={w.bppAxis}
          psnrTitle={w.psnrAxis}
        />
      </div>
      {sentence ? (
        <p className="ae-verdict" data-testid="ae-verdict">
          {sentence}
        </p>
      ) : (
        <p className="hint">{w.measuring}</p>
      )}
    </section>
  );
}
