import type { LayerStack } from '../../../engine/layerStack';
import { STACK_PRESETS } from '../../../engine/rfPresets';
import type { RfWords } from './messages';

/** The presets from real networks, one click each, each with its source. */
export function Presets({ t, onOpen }: { t: RfWords; onOpen: (stack: LayerStack) => void }) {
  const p = t.rf.presets;
  return (
    <section className="rf-presets" aria-labelledby="rf-presets-title" data-control="presets">
      <h2 id="rf-presets-title" className="panel-title">
        {p.title}
      </h2>
      <ul>
        {STACK_PRESETS.map((preset) => (
          <li key={preset.id}>
            <button
              type="button"
              className="btn"
              aria-label={p.open(p.names[preset.id])}
              onClick={() => onOpen(preset.stack)}
            >
              {p.names[preset.id]}
            </button>
            <details className="rf-source">
              <summary>{p.source}</summary>
              <p>
                <a href={preset.source.url} target="_blank" rel="noreferrer noopener">
                  {preset.source.citation}
                </a>
                {preset.source.torchvision ? (
                  <>
                    {' '}
                    <code>{preset.source.torchvision}</code>
                  </>
                ) : null}
              </p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
