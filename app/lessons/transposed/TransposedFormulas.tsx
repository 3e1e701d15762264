import { memo } from 'react';
import { useAppStore } from '../../store/react';
import type { TransposedFigureState } from './transposedState';
import { transposedView } from './transposedView';
import { useTransposedWords } from './messages';
import { transposeOutputSizeTex } from '../../../components/formulas/convFormulaTex';
import { KatexFormula } from '../../../components/formulas/KatexFormula';

/**
 * The output-size formula with numbers, and the round trip with a convolution. For a refused
 * figure it computes only when the refusal is the output size itself (the formula's result, zero
 * or less, is the reason); settings refused for any other reason (output_padding, groups) have no
 * output size to compute.
 */
export const TransposedFormulas = memo(function TransposedFormulas({
  figure,
  hideAnswers,
}: {
  figure: TransposedFigureState;
  hideAnswers: boolean;
}) {
  const t = useTransposedWords();
  const f = t.transposed.formulas;
  const c = t.figure.formulas;
  const setTerm = useAppStore((s) => s.setTerm);
  const view = transposedView(figure);
  const p = figure.params;
  const sizeIsTheReason = view.info.problems.every((problem) => problem.code === 'output-size-not-positive');
  const axes = [
    { key: 'h' as const, name: c.height, formula: view.formulas.h, sizes: view.roundTrip.h, i: p.inH },
    { key: 'w' as const, name: c.width, formula: view.formulas.w, sizes: view.roundTrip.w, i: p.inW },
  ];
  return (
    <section className="formulas" aria-labelledby="t-formulas-title">
      <h2 id="t-formulas-title" className="panel-title">
        {c.title}
      </h2>
      <p className="hint">{c.hoverHint}</p>
      {hideAnswers ? (
        <p className="hint">{t.story.hiddenUntilAnswered}</p>
      ) : !sizeIsTheReason ? (
        <p className="formula-note" data-testid="formulas-refused">
          {f.refused}
        </p>
      ) : (
        axes.map((a) => (
          <div key={a.key}>
            <h3>
              {c.outputSize}: {a.name}
            </h3>
            <KatexFormula
              tex={transposeOutputSizeTex(a.formula, a.key)}
              label={`o_${a.key} = ${a.formula.result}`}
              onTerm={setTerm}
            />
          </div>
        ))
      )}
      {hideAnswers || !sizeIsTheReason ? null : <h3>{f.roundTrip}</h3>}
      {(hideAnswers || !sizeIsTheReason ? [] : axes).map((a) => (
        <p key={a.key} className="formula-note" data-testid={`round-trip-${a.key}`}>
          {a.sizes.length > 0 && a.formula.result > 0
            ? f.roundTripNote(a.name, a.sizes.join(', '), a.i, a.formula.result)
            : f.roundTripNone(a.name, a.i)}
        </p>
      ))}
    </section>
  );
});
