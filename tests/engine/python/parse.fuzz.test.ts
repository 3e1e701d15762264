import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PYTHON_SYNTAX_CODES, parsePython, type Expr, type Stmt } from '../../../engine/python';

/** Pieces of Python, of the subset and around it, that random programs are glued from. */
const TOKENS = [
  'a',
  'b2',
  'torch',
  'nn',
  '.',
  'tensor',
  'backward',
  'grad',
  '__import__',
  '__class__',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '=',
  '+=',
  '-=',
  '*=',
  '@=',
  '+',
  '-',
  '*',
  '/',
  '//',
  '%',
  '**',
  '@',
  '<',
  'not',
  'and',
  'lambda',
  'if',
  'else',
  'for',
  'in',
  'with',
  'as',
  'import',
  'def',
  'return',
  'True',
  'False',
  'None',
  '1',
  '2.0',
  '-1.5',
  '1e3',
  '0x1',
  '3j',
  '"s"',
  "'t'",
  '"',
  "'",
  '"""',
  'f"{a}"',
  '\\',
  '#',
  ';',
  '*',
  '**',
  ' ',
  ' ',
  '\n',
  '\n    ',
  '\t',
  '\u0000',
  '😀',
];

const programs = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(' ')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join('')),
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

function spansOf(stmts: readonly Stmt[]): { from: number; to: number; line: number; column: number }[] {
  const out: { from: number; to: number; line: number; column: number }[] = [];
  const expr = (e: Expr): void => {
    out.push(e.span);
    switch (e.kind) {
      case 'list':
      case 'tuple':
        e.elements.forEach(expr);
        return;
      case 'attribute':
        expr(e.object);
        return;
      case 'call':
        expr(e.callee);
        e.args.forEach(expr);
        e.keywords.forEach((k) => expr(k.value));
        return;
      case 'unary':
        expr(e.operand);
        return;
      case 'binary':
        expr(e.left);
        expr(e.right);
        return;
      default:
        return;
    }
  };
  for (const s of stmts) {
    out.push(s.span);
    if (s.kind === 'with') {
      expr(s.context);
      out.push(...spansOf(s.body));
    } else {
      if (s.kind !== 'expr') expr(s.target);
      expr(s.value);
    }
  }
  return out;
}

describe('parsePython under generated input', () => {
  it('never throws on 10,000 generated inputs, and every answer stays inside the source', () => {
    fc.assert(
      fc.property(programs, (source) => {
        const r = parsePython(source);
        const lines = source.split('\n').length;
        if (r.ok) {
          for (const s of spansOf(r.module.body)) {
            expect(s.from).toBeGreaterThanOrEqual(0);
            expect(s.to).toBeLessThanOrEqual(source.length);
            expect(s.line).toBeLessThanOrEqual(lines);
            expect(s.column).toBeGreaterThanOrEqual(1);
          }
        } else {
          expect(PYTHON_SYNTAX_CODES).toContain(r.error.code);
          expect(r.error.line).toBeGreaterThanOrEqual(1);
          expect(r.error.line).toBeLessThanOrEqual(Math.max(lines, 201));
          expect(r.error.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 10_000, seed: 16 },
    );
  });

  it('refuses every generated dunder name, wherever it is written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('x = __import__("os")', 'a.__dict__', 'f(__a=1)', 'y = a.b.__class__.c', '__builtins__ = 1'),
        (source) => {
          const r = parsePython(source);
          expect(r.ok).toBe(false);
        },
      ),
    );
  });
});
