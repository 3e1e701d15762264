import { useId } from 'react';
import type { ProgramRun } from '../../../engine/autograd';
import { edgeLabel, graphAt, nodeLines, textUnits, type GraphEdge, type GraphWords } from './tensorsGraph';
import type { TensorsWords } from './messages';

const LINE_HEIGHT = 17;

function pathOf(e: GraphEdge): string {
  return e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/**
 * The computation graph after the line shown: op nodes (grad_fn) and tensor
 * nodes, laid out by dagre, drawn as SVG. On a backward() line the edges the
 * gradient travelled carry its value, lit one after another in the engine's
 * order; dashed edges carry no gradient.
 */
export function GraphView({
  t,
  run,
  shown,
  hidden,
}: {
  t: TensorsWords;
  run: ProgramRun;
  shown: number;
  hidden: boolean;
}) {
  const w = t.tensors.graph;
  const words: GraphWords = w;
  const layout = graphAt(run, shown, words);
  const markerId = `arrow-${useId().replace(/:/g, '')}`;
  const description = layout.nodes.map((n) => nodeLines(n, words).join(' ')).join('; ');
  return (
    <section className="graph-view" role="group" aria-label={w.figureLabel}>
      <h2 className="panel-title">{w.title}</h2>
      {layout.nodes.length === 0 ? (
        <p className="hint">{w.empty}</p>
      ) : (
        <div className="graph-frame">
          <svg
            className="graph-svg"
            width={layout.width}
            height={layout.height}
            style={{ ['--graph-w' as string]: layout.width, ['--graph-h' as string]: layout.height }}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="img"
            aria-label={description}
            key={shown}
          >
            <defs>
              <marker
                id={markerId}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" className="graph-arrow" />
              </marker>
            </defs>
            {layout.edges.map((e) => (
              <path
                key={e.key}
                d={pathOf(e)}
                className="graph-edge"
                data-stop={e.stop ? 'true' : undefined}
                data-flow={e.flow ? 'true' : undefined}
                style={e.flow ? { animationDelay: `${e.flow.order * 0.6}s` } : undefined}
                markerEnd={`url(#${markerId})`}
              />
            ))}
            {layout.nodes.map((n) => {
              const lines = nodeLines(n, words);
              return (
                <g
                  key={n.key}
                  className="graph-node"
                  data-kind={n.kind}
                  data-grad={n.requiresGrad ? 'true' : 'false'}
                  data-changed={n.changed ? 'true' : undefined}
                  data-shared={n.sharedStorage !== null ? 'true' : undefined}
                  data-root={n.root ? 'true' : undefined}
                  transform={`translate(${(n.x - n.width / 2).toFixed(1)},${(n.y - n.height / 2).toFixed(1)})`}
                >
                  <rect width={n.width} height={n.height} rx={n.kind === 'op' ? 4 : 12} />
                  {lines.map((l, i) => (
                    <text key={i} x={n.width / 2} y={6 + LINE_HEIGHT * (i + 0.75)} textAnchor="middle" data-line={i}>
                      {l}
                    </text>
                  ))}
                </g>
              );
            })}
            {layout.edges.map((e) => {
              const label = edgeLabel(e, words);
              if (label === null) return null;
              const m = e.label;
              const width = textUnits(label) * 7 + 10;
              return (
                <g
                  key={`label-${e.key}`}
                  className="graph-edge-label"
                  data-flow={e.flow ? 'true' : undefined}
                  style={e.flow ? { animationDelay: `${e.flow.order * 0.6}s` } : undefined}
                  transform={`translate(${m.x.toFixed(1)},${m.y.toFixed(1)})`}
                >
                  <rect x={-width / 2} y={-10} width={width} height={20} rx={4} />
                  <text textAnchor="middle" y={4}>
                    {label}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      )}
      <p className="hint">{hidden ? w.hidden : w.legend}</p>
    </section>
  );
}
