import { memo } from 'react';
import type { ConvFigureState } from './convState';
import { convView } from './convView';
import { useAppStore } from '../../store/react';
import { useConvWords } from './messages';
import { outputSizeTex, paramCountTex } from '../../../components/formulas/convFormulaTex';
import { KatexFormula } from '../../../components/formulas/KatexFormula';

/**
 * Output size and parameter count, with the numbers substituted and the floor
 * visible; nothing is computed for settings the engine refuses.
 */
export const ConvFormulas = memo(function ConvFormulas({
  figure,
  hideAnswers,
}: {
  figure: ConvFigureState;
  hideAnswers: boolean;
}) {
  const t = useConvWords();
  const f = { ...t.figure.formulas, ...t.conv.formulas };
  const setTerm = useAppStore((s) => s.setTerm);
  const view = convView(figure);
  const { h, w, params } = view.formulas;
  return (
    <section className="formulas" aria-labelledby="conv-formulas-title">
      <h2 id="conv-formulas-title" className="panel-title">
        {f.title}
      </h2>
      <p className="hint">{f.hoverHint}</p>
      {hideAnswers ? (
        <p className="hint">{t.story.hiddenUntilAnswered}</p>
      ) : !view.info.valid ? (
        <p className="formula-note" data-testid="formulas-refused">
          {f.refused}
        </p>
      ) : (
        <>
          <h3>
            {f.outputSize}: {f.height}
          </h3>
          <KatexFormula tex={outputSizeTex(h, 'h')} label={`o_h = ${h.result}`} onTerm={setTerm} />
          <h3>
            {f.outputSize}: {f.width}
          </h3>
          <KatexFormula tex={outputSizeTex(w, 'w')} label={`o_w = ${w.result}`} onTerm={setTerm} />
          <p className="formula-note" data-testid="floor-note">
            {h.floorDrops || w.floorDrops
              ? f.floorNote(Math.max(view.info.h.unvisited, view.info.w.unvisited))
              : f.exact}
          </p>
          <h3>{f.params}</h3>
          <KatexFormula tex={paramCountTex(params)} label={`P = ${params.total}`} onTerm={setTerm} />
          <p className="formula-note">{f.paramsNote}</p>
        </>
      )}
    </section>
  );
});
