import { memo } from 'react';
import type { NetworkShapes } from '../../../engine/nn';
import type { AutoencoderWords } from './messages';
import type { AeCheckpoint } from './aeStory';

const fmt = (n: number) => n.toLocaleString('en-US');

/** PyTorch's output size with the numbers in: o = ⌊(i + 2p − k)/s⌋ + 1 (conv_arithmetic Relationship 6). */
const torchConv = (i: number, p: number, k: number, s: number, o: number) =>
  `⌊(${i} + 2·${p} − ${k}) / ${s}⌋ + 1 = ${o}`;

/** Transposed: o = (i − 1)·s − 2p + k + output_padding (Relationship 14 with output_padding). */
const torchConvT = (i: number, s: number, p: number, k: number, op: number, o: number) =>
  `(${i} − 1)·${s} − 2·${p} + ${k} + ${op} = ${o}`;

/**
 * Every tensor of the network with its shape, the arithmetic of each size in
 * PyTorch's form and TensorFlow's 'same', and each layer's parameters; the
 * latent row is marked. Cells a waiting checkpoint asks about are hidden.
 */
export const ShapeChain = memo(function ShapeChain({
  shapes,
  hide,
  t,
}: {
  shapes: NetworkShapes;
  hide: AeCheckpoint | null;
  t: AutoencoderWords;
}) {
  const w = t.autoencoder.chain;
  const hidden = <span className="ae-hidden">{t.autoencoder.hidden}</span>;
  const [c0, h0, w0] = shapes.input;
  const imageSize = c0 * h0 * w0;
  const latent = shapes.layers[shapes.latentLayer];
  let conv = 0;
  let convT = 0;
  return (
    <section className="ae-panel" aria-labelledby="ae-chain-title">
      <h2 id="ae-chain-title" className="panel-title">
        {w.title}
      </h2>
      <p className="hint">{w.caption(h0)}</p>
      <div className="ae-scroll" tabIndex={0}>
        <table className="ae-table">
          <thead>
            <tr>
              <th scope="col">{w.layer}</th>
              <th scope="col">{w.shape}</th>
              <th scope="col">{w.torch}</th>
              <th scope="col">{w.tf}</th>
              <th scope="col">{w.params}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{w.input}</th>
              <td className="ae-mono">{shapes.input.join('×')}</td>
              <td />
              <td />
              <td />
            </tr>
            {shapes.layers.map((l) => {
              const isConv = l.kind === 'conv';
              const name = isConv ? w.conv(conv++) : w.convT(convT++);
              const [cin, i] = l.inShape;
              const [cout, o] = l.outShape;
              const p = l.torch[0];
              const tf = l.tf[0];
              const isLatent = l.index === shapes.latentLayer;
              // Any size would give a size question away (the next layer reads it): all sizes wait.
              const hideSize = hide === 'firstSize' || hide === 'latentValues';
              const hidePad = hide === 'outputPadding' && !isConv;
              return (
                <tr key={l.index} data-latent={isLatent ? 'true' : undefined}>
                  <th scope="row">
                    {name}
                    {isLatent ? <span className="ae-tag">{w.latent}</span> : null}
                  </th>
                  <td className="ae-mono">{hideSize ? hidden : l.outShape.join('×')}</td>
                  <td className="ae-mono">
                    {hidePad || hideSize ? (
                      hidden
                    ) : (
                      <>
                        <span>{w.padding(p.padding, isConv ? null : p.outputPadding)}</span>
                        <br />
                        <span>
                          {isConv
                            ? torchConv(i, p.padding, l.kernel, l.stride, o)
                            : torchConvT(i, l.stride, p.padding, l.kernel, p.outputPadding, o)}
                        </span>
                      </>
                    )}
                  </td>
                  <td className="ae-mono">
                    {hideSize || hidePad
                      ? hidden
                      : isConv
                        ? w.tfConv(i, l.stride, o, tf.before, tf.after)
                        : w.tfConvT(i, l.stride, o, tf.before, tf.after)}
                  </td>
                  <td className="ae-mono">{w.paramCount(cout, cin, l.kernel, l.params)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        {w.total(shapes.params)}{' '}
        {hide === 'latentValues' || !latent
          ? null
          : w.latentVsImage(
              `${latent.outShape.join('×')} = ${fmt(shapes.latentSize)}`,
              `${shapes.input.join('×')} = ${fmt(imageSize)}`,
              `${((100 * shapes.latentSize) / imageSize).toFixed(1)}%`,
            )}
      </p>
    </section>
  );
});
