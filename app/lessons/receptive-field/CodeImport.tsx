import { useState } from 'react';
import type { LayerStack } from '../../../engine';
import type { PythonSyntaxCode } from '../../../engine/python';
import type { StackCodeError } from '../../../engine/python/stackFromPyTorch';
import type { RfWords } from './messages';

const MAX_CODE = 10 * 1024;

/** A refusal of pasted code in the reader's words: where, and why. */
export function codeRefusalText(t: RfWords, e: StackCodeError): string {
  const c = t.rf.code;
  const details =
    e.code === 'python-syntax'
      ? { ...e.details, what: c.syntax[e.details.syntax as PythonSyntaxCode] ?? String(e.details.syntax) }
      : e.details;
  return `${c.at(e.line, e.column)}${c.errors[e.code](details)} ${c.kept}`;
}

/** "Open from PyTorch code": the text is parsed and read, never run; a refusal keeps the stack. The parser loads on first use. */
export function CodeImport({
  stack,
  t,
  onOpen,
}: {
  stack: LayerStack;
  t: RfWords;
  onOpen: (stack: LayerStack) => void;
}) {
  const c = t.rf.code;
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section className="rf-code" aria-labelledby="rf-code-title" data-control="code">
      <h2 id="rf-code-title" className="panel-title">
        {c.title}
      </h2>
      <p className="hint" id="rf-code-hint">
        {c.hint}
      </p>
      <textarea
        className="rf-code-text"
        aria-label={c.label}
        aria-describedby="rf-code-hint"
        value={text}
        maxLength={MAX_CODE}
        rows={6}
        spellCheck={false}
        placeholder={
          'model = nn.Sequential(\n    nn.Conv2d(3, 16, 3, padding=1),\n    nn.ReLU(),\n    nn.MaxPool2d(2),\n)'
        }
        onChange={(e) => setText(e.target.value)}
      />
      <button
        type="button"
        className="btn"
        disabled={text.trim() === ''}
        onClick={async () => {
          // The Python grammar loads only when code is opened.
          const { stackFromPyTorch } = await import('../../../engine/python/stackFromPyTorch');
          const r = stackFromPyTorch(text, stack.input);
          if (r.ok) {
            onOpen(r.stack);
            setMessage({ ok: true, text: c.opened(r.stack.layers.length) });
          } else setMessage({ ok: false, text: codeRefusalText(t, r.error) });
        }}
      >
        {c.open}
      </button>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'hint' : 'rf-code-error'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
