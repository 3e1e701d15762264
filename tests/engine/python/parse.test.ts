import { describe, expect, it } from 'vitest';
import { parsePython, type Expr, type Module, type PythonSyntaxCode } from '../../../engine/python';

function parsed(source: string): Module {
  const r = parsePython(source);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.module;
}

function valueOf(source: string): Expr {
  const [s] = parsed(source).body;
  if (s?.kind !== 'assign') throw new Error('not an assignment');
  return s.value;
}

function refusal(source: string) {
  const r = parsePython(source);
  if (r.ok) throw new Error('accepted');
  return r.error;
}

describe('parsePython: the accepted subset', () => {
  it('reads an assignment of a call with positional and keyword arguments, with 1-based positions', () => {
    const v = valueOf('a = torch.tensor([[1.0, -2.0]], requires_grad=True)');
    expect(v).toMatchObject({
      kind: 'call',
      callee: { kind: 'attribute', name: 'tensor', object: { kind: 'name', id: 'torch' } },
      args: [{ kind: 'list', elements: [{ kind: 'list', elements: [{ value: 1 }, { value: -2 }] }] }],
      keywords: [{ name: 'requires_grad', value: { kind: 'boolean', value: true } }],
      span: { line: 1, column: 5 },
    });
  });

  it('folds a minus written before a number into the number, but not before a power', () => {
    expect(valueOf('x = -1.5')).toMatchObject({ kind: 'number', value: -1.5, integer: false, raw: '-1.5' });
    expect(valueOf('x = -2 ** 2')).toMatchObject({
      kind: 'unary',
      op: '-',
      operand: { kind: 'binary', op: '**', left: { value: 2, integer: true } },
    });
  });

  it('keeps Python precedence: @ and * bind tighter than +, ** tighter than unary minus', () => {
    expect(valueOf('y = a + b @ c * 2')).toMatchObject({
      kind: 'binary',
      op: '+',
      right: { kind: 'binary', op: '*', left: { kind: 'binary', op: '@' } },
    });
  });

  it('reads augmented assignments, expression statements and attribute targets', () => {
    const body = parsed('c += x\ny.backward(retain_graph=True)\na.grad = None\n').body;
    expect(body.map((s) => s.kind)).toEqual(['augAssign', 'expr', 'assign']);
    expect(body[0]).toMatchObject({ op: '+=', target: { id: 'c' } });
    expect(body[2]).toMatchObject({ target: { kind: 'attribute', name: 'grad' }, value: { kind: 'none' } });
  });

  it('reads a with block and gives its body their own lines', () => {
    const [w] = parsed('with torch.no_grad():\n    a -= 0.5\n    c = a * 2\n').body;
    expect(w?.kind).toBe('with');
    if (w?.kind !== 'with') return;
    expect(w.body.map((s) => s.span.line)).toEqual([2, 3]);
    expect(w.body[0]?.span.column).toBe(5);
  });

  it('reads a receptive-field stack written over several lines, with tuples, strings and None', () => {
    const v = valueOf(
      'net = nn.Sequential(\n    nn.Conv2d(3, 64, kernel_size=3, padding=1),\n    nn.ReLU(),\n    nn.MaxPool2d(2),\n    nn.Conv2d(64, 64, (3, 3), padding="same", bias=None),\n)\n',
    );
    expect(v).toMatchObject({ kind: 'call', callee: { name: 'Sequential' } });
    if (v.kind !== 'call') return;
    expect(v.args).toHaveLength(4);
    expect(v.args[0]).toMatchObject({
      span: { line: 2, column: 5 },
      keywords: [{ name: 'kernel_size' }, { name: 'padding' }],
    });
    expect(v.args[3]).toMatchObject({
      args: [{ value: 64 }, { value: 64 }, { kind: 'tuple' }],
      keywords: [{ value: { kind: 'string', value: 'same' } }, { value: { kind: 'none' } }],
    });
  });

  it('skips comments and blank lines', () => {
    expect(parsed('# start\n\nx = 1  # one\n').body).toHaveLength(1);
  });
});

describe('parsePython: refusals with a line, a column and a reason', () => {
  const cases: [string, string, PythonSyntaxCode, number, number][] = [
    ['an import', 'import os', 'unsupported-statement', 1, 1],
    ['__import__', 'x = __import__("os")', 'dunder-name', 1, 5],
    ['dunder attribute access', 'y = a.__class__', 'dunder-name', 1, 7],
    ['a dunder keyword', 'f(__x=1)', 'dunder-name', 1, 3],
    ['an unterminated string', 'x = 1\ns = "abc', 'unterminated-string', 2, 5],
    ['an f-string', 'x = f"{a}"', 'unsupported-expression', 1, 5],
    ['a string with a prefix', 'x = r"a"', 'unsupported-string', 1, 5],
    ['a subscript', 'y = a[0]', 'unsupported-expression', 1, 6],
    ['a lambda', 'f = lambda q: q', 'unsupported-expression', 1, 5],
    ['a comprehension', 'w = [i for i in a]', 'unsupported-expression', 1, 5],
    ['an if statement', 'if a:\n    b = 1', 'unsupported-statement', 1, 1],
    ['a function definition', 'def f():\n    pass', 'unsupported-statement', 1, 1],
    ['two statements on a line', 'a = 1; b = 2', 'unsupported-statement', 1, 1],
    ['starred arguments', 'f(*args)', 'unsupported-argument', 1, 3],
    ['a comparison', 'x = a < b', 'unsupported-operator', 1, 7],
    ['not', 'x = not a', 'unsupported-operator', 1, 5],
    ['a hexadecimal number', 'x = 0x10', 'unsupported-number', 1, 5],
    ['a complex number', 'x = 3j', 'unsupported-number', 1, 5],
    ['a positional argument after a keyword', 'f(a=1, 2)', 'positional-after-keyword', 1, 8],
    ['a repeated keyword', 'f(a=1, a=2)', 'repeated-keyword', 1, 8],
    ['several targets', 'a = b = 1', 'unsupported-target', 1, 3],
    ['tuple unpacking', 'a, b = 1, 2', 'unsupported-target', 1, 2],
    ['a with ... as', 'with open(p) as f:\n    x = 1', 'unsupported-statement', 1, 14],
    ['an indented first line', '  x = 1', 'unexpected-indent', 1, 3],
    ['a broken expression', 'x = (1 +', 'syntax-error', 1, 9],
  ];
  for (const [what, source, code, line, column] of cases) {
    it(`refuses ${what}`, () => {
      expect(refusal(source)).toMatchObject({ code, line, column });
    });
  }

  it('refuses a line longer than the limit before running the grammar', () => {
    expect(refusal(`x = ${'1 + '.repeat(60)}1`)).toMatchObject({
      code: 'line-too-long',
      line: 1,
      details: { max: 200 },
    });
  });

  it('refuses more lines than the limit', () => {
    expect(refusal('x = 1\n'.repeat(201))).toMatchObject({ code: 'too-many-lines', details: { lines: 201, max: 200 } });
    expect(parsePython('x = 1\n'.repeat(3), { maxLines: 2 })).toMatchObject({
      ok: false,
      error: { code: 'too-many-lines' },
    });
  });

  it('refuses a source longer than 10 KB', () => {
    expect(refusal('x = 1\n'.repeat(2000))).toMatchObject({ code: 'source-too-long', details: { max: 10240 } });
  });

  it('refuses deep nesting, spread over short lines, without exhausting the stack', () => {
    const deep = `x = ${'(\n'.repeat(90)}1${'\n)'.repeat(90)}`;
    expect(refusal(deep)).toMatchObject({ code: 'nesting-too-deep', details: { max: 32 } });
    const calls = `x = ${'f(\n'.repeat(90)}1${'\n)'.repeat(90)}`;
    expect(refusal(calls)).toMatchObject({ code: 'nesting-too-deep' });
    const minus = `x = ${'-\\\n'.repeat(150)}a`;
    expect(refusal(minus)).toMatchObject({ code: 'nesting-too-deep' });
  });

  it('returns a refusal, never throws, for control characters and unusual text', () => {
    for (const source of ['\u0000', 'x = "\u0000"', '\uFEFFx = 1', 'x = 1\r\ny = 2', '😀 = 1', '\\', '\t\tx', ')))']) {
      expect(() => parsePython(source)).not.toThrow();
      expect(typeof parsePython(source).ok).toBe('boolean');
    }
  });
});
