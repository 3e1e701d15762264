/**
 * A parser for the small part of Python that the lessons read, built on the
 * `@lezer/python` grammar (no tokenizer of our own, nothing is ever evaluated).
 *
 * ```ts
 * const r = parsePython('c = torch.tensor([1.0, 2.0], requires_grad=True)\nc.sum().backward()');
 * if (r.ok) r.module.body; // Stmt[]: assign, augAssign, expr, with
 * else r.error;           // { code, line, column, details }
 * ```
 *
 * Accepted statements: `name = expr`, `name.attr = expr`, `name op= expr`,
 * an expression on its own, and `with expr:` followed by an indented body.
 * Accepted expressions: names, attribute access, calls with positional and
 * keyword arguments, numbers (decimal, a leading minus folded in), `True`,
 * `False`, `None`, plain strings, lists, tuples, unary `-`/`+` and the binary
 * operators `+ - * / // % @ **`. Everything else (imports, `if`, lambdas,
 * subscripts, comprehensions, `*args`, names that start with `__`) is refused
 * with the line, the column and a reason code. The parser never throws: it
 * returns a result. Sizes are limited before the grammar runs (source length,
 * line count, line length) and nesting depth while the tree is read, so any
 * input finishes in time proportional to its (bounded) length.
 *
 * The parser knows nothing about PyTorch: a lesson interprets the tree (the
 * autograd console in `engine/autograd/program.ts`, the receptive-field
 * lesson's `nn.Sequential(...)` reader).
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import type {
  AssignTarget,
  AugmentedOperator,
  BinaryOperator,
  Expr,
  Keyword,
  Module,
  Span,
  Stmt,
  UnaryOperator,
} from './ast';

/** Why a source text was refused. */
export type PythonSyntaxCode =
  | 'source-too-long'
  | 'too-many-lines'
  | 'line-too-long'
  | 'nesting-too-deep'
  | 'syntax-error'
  | 'unexpected-indent'
  | 'unsupported-statement'
  | 'unsupported-expression'
  | 'unsupported-operator'
  | 'unsupported-target'
  | 'unsupported-argument'
  | 'unsupported-number'
  | 'unsupported-string'
  | 'unterminated-string'
  | 'positional-after-keyword'
  | 'repeated-keyword'
  | 'dunder-name';

/** Every syntax code, for exhaustiveness checks (translations, tests). */
export const PYTHON_SYNTAX_CODES: readonly PythonSyntaxCode[] = [
  'source-too-long',
  'too-many-lines',
  'line-too-long',
  'nesting-too-deep',
  'syntax-error',
  'unexpected-indent',
  'unsupported-statement',
  'unsupported-expression',
  'unsupported-operator',
  'unsupported-target',
  'unsupported-argument',
  'unsupported-number',
  'unsupported-string',
  'unterminated-string',
  'positional-after-keyword',
  'repeated-keyword',
  'dunder-name',
];

/**
 * A refusal: the reason, where (1-based line and column) and what it is
 * about (`syntax` names the construct in plain words, such as `import` or
 * `lambda`; limits carry `max` and the measured size).
 */
export interface PythonSyntaxError {
  readonly code: PythonSyntaxCode;
  readonly line: number;
  readonly column: number;
  readonly details: Readonly<Record<string, number | string>>;
}

export type ParseResult =
  { readonly ok: true; readonly module: Module } | { readonly ok: false; readonly error: PythonSyntaxError };

/** Size limits, checked before the grammar runs (depth while reading). */
export interface ParseLimits {
  /** Characters in the whole source. */
  readonly maxChars: number;
  readonly maxLines: number;
  /** Characters in one line. */
  readonly maxLineLength: number;
  /** Expressions inside expressions, and `with` bodies, counted together. */
  readonly maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxChars: 10 * 1024,
  maxLines: 200,
  maxLineLength: 200,
  maxDepth: 32,
};

/** Grammar node names, in the words a refusal uses for them. */
const SYNTAX_WORDS: Readonly<Record<string, string>> = {
  ImportStatement: 'import',
  ImportFromStatement: 'import',
  IfStatement: 'if',
  ForStatement: 'for',
  WhileStatement: 'while',
  FunctionDefinition: 'def',
  ClassDefinition: 'class',
  TryStatement: 'try',
  ReturnStatement: 'return',
  DeleteStatement: 'del',
  PassStatement: 'pass',
  StatementGroup: 'semicolon',
  LambdaExpression: 'lambda',
  ConditionalExpression: 'if-expression',
  ArrayComprehensionExpression: 'comprehension',
  DictionaryExpression: 'dict',
  DictionaryComprehensionExpression: 'comprehension',
  SetExpression: 'set',
  SetComprehensionExpression: 'comprehension',
  ComprehensionExpression: 'comprehension',
  FormatString: 'f-string',
  AwaitExpression: 'await',
  YieldExpression: 'yield',
  NamedExpression: 'walrus',
  Ellipsis: 'ellipsis',
};

function syntaxWord(name: string): string {
  return SYNTAX_WORDS[name] ?? name;
}

class Refusal {
  constructor(
    readonly code: PythonSyntaxCode,
    readonly at: number,
    readonly details: Readonly<Record<string, number | string>> = {},
  ) {}
}

const BINARY_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '//', '%', '@', '**']);
const AUGMENTED_OPS: ReadonlySet<string> = new Set(['+=', '-=', '*=', '/=', '@=']);
const PUNCTUATION: ReadonlySet<string> = new Set(['(', ')', '[', ']', ',']);

/** Offsets where each line starts, for turning offsets into line and column. */
function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function locate(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

const DECIMAL = /^(?:(?:0|[1-9]\d*)|(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)$/;

/** Reads a grammar tree into the parser's own tree; refusals are thrown as `Refusal` and caught by `parsePython`. */
class Reader {
  constructor(
    private readonly source: string,
    private readonly lineStarts: readonly number[],
    private readonly maxDepth: number,
  ) {}

  text(node: SyntaxNode): string {
    return this.source.slice(node.from, node.to);
  }

  span(node: SyntaxNode): Span {
    return { ...locate(this.lineStarts, node.from), from: node.from, to: node.to };
  }

  column(node: SyntaxNode): number {
    return locate(this.lineStarts, node.from).column;
  }

  statements(nodes: readonly SyntaxNode[], depth: number, column: number | null): Stmt[] {
    const out: Stmt[] = [];
    for (const n of nodes) {
      if (column !== null && this.column(n) !== column) throw new Refusal('unexpected-indent', n.from);
      out.push(this.statement(n, depth));
    }
    return out;
  }

  statement(node: SyntaxNode, depth: number): Stmt {
    const parts = children(node);
    switch (node.name) {
      case 'AssignStatement': {
        const [target, op, value, extra] = parts;
        if (!target || !op || !value || op.name !== 'AssignOp' || extra) {
          throw new Refusal('unsupported-target', (parts[1] ?? node).from, { syntax: 'several-targets' });
        }
        return {
          kind: 'assign',
          target: this.target(target, depth),
          value: this.expr(value, depth),
          span: this.span(node),
        };
      }
      case 'UpdateStatement': {
        const [target, op, value] = parts;
        if (!target || !op || !value) throw new Refusal('syntax-error', node.from);
        const opText = this.text(op);
        if (!AUGMENTED_OPS.has(opText)) throw new Refusal('unsupported-operator', op.from, { operator: opText });
        return {
          kind: 'augAssign',
          target: this.target(target, depth),
          op: opText as AugmentedOperator,
          value: this.expr(value, depth),
          span: this.span(node),
        };
      }
      case 'ExpressionStatement': {
        const [value, extra] = parts;
        if (!value) throw new Refusal('syntax-error', node.from);
        if (extra) throw new Refusal('unsupported-expression', extra.from, { syntax: 'tuple' });
        return { kind: 'expr', value: this.expr(value, depth), span: this.span(node) };
      }
      case 'WithStatement': {
        const [keyword, context, body, extra] = parts;
        if (keyword?.name !== 'with') throw new Refusal('unsupported-statement', node.from, { syntax: 'async' });
        if (!context || !body || body.name !== 'Body' || extra) {
          throw new Refusal('unsupported-statement', (body ?? node).from, { syntax: 'with-as' });
        }
        if (depth + 1 > this.maxDepth) throw new Refusal('nesting-too-deep', node.from, { max: this.maxDepth });
        const inner = children(body).filter((c) => c.name !== ':');
        const first = inner[0];
        if (!first) throw new Refusal('syntax-error', body.to);
        const sameLine = locate(this.lineStarts, first.from).line === locate(this.lineStarts, node.from).line;
        const column = sameLine ? null : this.column(first);
        if (column !== null && column <= this.column(node)) throw new Refusal('unexpected-indent', first.from);
        return {
          kind: 'with',
          context: this.expr(context, depth + 1),
          body: this.statements(inner, depth + 1, column),
          span: this.span(node),
        };
      }
      default:
        throw new Refusal('unsupported-statement', node.from, { syntax: syntaxWord(node.name) });
    }
  }

  target(node: SyntaxNode, depth: number): AssignTarget {
    const e = this.expr(node, depth);
    if (e.kind === 'name' || e.kind === 'attribute') return e;
    throw new Refusal('unsupported-target', node.from, { syntax: e.kind });
  }

  name(node: SyntaxNode): string {
    const id = this.text(node);
    if (id.startsWith('__')) throw new Refusal('dunder-name', node.from, { name: id });
    return id;
  }

  expr(node: SyntaxNode, depth: number): Expr {
    if (depth > this.maxDepth) throw new Refusal('nesting-too-deep', node.from, { max: this.maxDepth });
    const span = this.span(node);
    const d = depth + 1;
    switch (node.name) {
      case 'VariableName':
        return { kind: 'name', id: this.name(node), span };
      case 'Number':
        return this.number(node, span, false);
      case 'Boolean':
        return { kind: 'boolean', value: this.text(node) === 'True', span };
      case 'None':
        return { kind: 'none', span };
      case 'String':
        return { kind: 'string', value: this.string(node), span };
      case 'ParenthesizedExpression': {
        const inner = children(node).filter((c) => !PUNCTUATION.has(c.name));
        const [only, extra] = inner;
        if (!only || extra) throw new Refusal('unsupported-expression', node.from, { syntax: 'parentheses' });
        return this.expr(only, d);
      }
      case 'ArrayExpression':
      case 'TupleExpression': {
        const elements = children(node)
          .filter((c) => !PUNCTUATION.has(c.name))
          .map((c) => this.element(c, d));
        return { kind: node.name === 'ArrayExpression' ? 'list' : 'tuple', elements, span };
      }
      case 'MemberExpression': {
        const [object, dot, property, extra] = children(node);
        if (!object || dot?.name !== '.' || property?.name !== 'PropertyName' || extra) {
          throw new Refusal('unsupported-expression', (dot ?? node).from, { syntax: 'subscript' });
        }
        return {
          kind: 'attribute',
          object: this.expr(object, d),
          name: this.name(property),
          nameSpan: this.span(property),
          span,
        };
      }
      case 'CallExpression': {
        const [callee, argList, extra] = children(node);
        if (!callee || argList?.name !== 'ArgList' || extra) throw new Refusal('syntax-error', node.from);
        return { kind: 'call', callee: this.expr(callee, d), ...this.argList(argList, d), span };
      }
      case 'UnaryExpression': {
        const [op, operand] = children(node);
        if (!op || !operand) throw new Refusal('syntax-error', node.from);
        const opText = this.text(op);
        if (opText !== '-' && opText !== '+') throw new Refusal('unsupported-operator', op.from, { operator: opText });
        if (operand.name === 'Number') return this.number(operand, span, opText === '-');
        return { kind: 'unary', op: opText as UnaryOperator, operand: this.expr(operand, d), span };
      }
      case 'BinaryExpression': {
        const [left, op, right, extra] = children(node);
        if (!left || !op || !right || extra) throw new Refusal('syntax-error', node.from);
        const opText = this.text(op);
        if (op.name !== 'ArithOp' || !BINARY_OPS.has(opText)) {
          throw new Refusal('unsupported-operator', op.from, { operator: opText });
        }
        return {
          kind: 'binary',
          op: opText as BinaryOperator,
          left: this.expr(left, d),
          right: this.expr(right, d),
          span,
        };
      }
      default:
        throw new Refusal('unsupported-expression', node.from, { syntax: syntaxWord(node.name) });
    }
  }

  /** A list or tuple element: a starred element is not part of the subset. */
  element(node: SyntaxNode, depth: number): Expr {
    if (node.name === '*' || node.name === '**')
      throw new Refusal('unsupported-argument', node.from, { syntax: node.name });
    return this.expr(node, depth);
  }

  argList(node: SyntaxNode, depth: number): { args: Expr[]; keywords: Keyword[] } {
    const parts = children(node).filter((c) => !PUNCTUATION.has(c.name));
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as SyntaxNode;
      if (part.name === '*' || part.name === '**') {
        throw new Refusal('unsupported-argument', part.from, { syntax: part.name });
      }
      const next = parts[i + 1];
      if (part.name === 'VariableName' && next?.name === 'AssignOp') {
        const value = parts[i + 2];
        if (!value) throw new Refusal('syntax-error', next.to);
        const name = this.name(part);
        if (keywords.some((k) => k.name === name)) throw new Refusal('repeated-keyword', part.from, { name });
        keywords.push({
          name,
          value: this.expr(value, depth),
          span: { ...locate(this.lineStarts, part.from), from: part.from, to: value.to },
        });
        i += 2;
        continue;
      }
      if (keywords.length > 0) throw new Refusal('positional-after-keyword', part.from);
      args.push(this.expr(part, depth));
    }
    return { args, keywords };
  }

  number(node: SyntaxNode, span: Span, negative: boolean): Expr {
    const raw = this.text(node);
    if (!DECIMAL.test(raw)) throw new Refusal('unsupported-number', node.from, { raw });
    const magnitude = Number(raw);
    if (!Number.isFinite(magnitude)) throw new Refusal('unsupported-number', node.from, { raw });
    const value = negative ? -magnitude : magnitude;
    return { kind: 'number', value, integer: /^\d+$/.test(raw), raw: negative ? `-${raw}` : raw, span };
  }

  /** Decodes `'…'` or `"…"` with the escapes \\ \' \" \n \t; anything fancier is refused. */
  string(node: SyntaxNode): string {
    const raw = this.text(node);
    const quote = raw[0];
    if (quote !== '"' && quote !== "'") throw new Refusal('unsupported-string', node.from, { syntax: 'prefix' });
    if (raw.startsWith(quote.repeat(3)) && raw.length >= 6) {
      throw new Refusal('unsupported-string', node.from, { syntax: 'triple-quoted' });
    }
    let out = '';
    for (let i = 1; i < raw.length; i++) {
      const ch = raw[i] as string;
      if (ch === quote) {
        if (i !== raw.length - 1) throw new Refusal('unsupported-string', node.from, { syntax: 'adjacent' });
        return out;
      }
      if (ch === '\n' || ch === '\r') break;
      if (ch === '\\') {
        const esc = raw[i + 1];
        const decoded =
          esc === 'n' ? '\n' : esc === 't' ? '\t' : esc === '\\' || esc === '"' || esc === "'" ? esc : null;
        if (decoded === null) throw new Refusal('unsupported-string', node.from + i, { syntax: 'escape' });
        out += decoded;
        i++;
        continue;
      }
      out += ch;
    }
    throw new Refusal('unterminated-string', node.from);
  }
}

/** True when a string literal (any prefix, single or triple quotes) ends with its own unescaped quote. */
function isTerminated(raw: string): boolean {
  const start = raw.search(/['"]/);
  if (start < 0) return false;
  const q = raw[start] as string;
  const quote = raw.startsWith(q.repeat(3), start) ? q.repeat(3) : q;
  let i = start + quote.length;
  while (i < raw.length) {
    if (raw[i] === '\\') i += 2;
    else if (raw.startsWith(quote, i)) return i + quote.length === raw.length;
    else i++;
  }
  return false;
}

function refuse(lineStarts: readonly number[], r: Refusal): { readonly ok: false; readonly error: PythonSyntaxError } {
  return { ok: false, error: { code: r.code, ...locate(lineStarts, r.at), details: r.details } };
}

/**
 * Parses `source` into the subset's syntax tree, or refuses it with a code,
 * a 1-based line and column, and details. Never throws.
 */
export function parsePython(source: string, limits: Partial<ParseLimits> = {}): ParseResult {
  const lim: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...limits };
  if (source.length > lim.maxChars) {
    return {
      ok: false,
      error: { code: 'source-too-long', line: 1, column: 1, details: { length: source.length, max: lim.maxChars } },
    };
  }
  const lineStarts = lineStartsOf(source);
  const lineCount = source.endsWith('\n') ? lineStarts.length - 1 : lineStarts.length;
  if (lineCount > lim.maxLines) {
    return {
      ok: false,
      error: {
        code: 'too-many-lines',
        line: lim.maxLines + 1,
        column: 1,
        details: { lines: lineCount, max: lim.maxLines },
      },
    };
  }
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i] ?? 0;
    const end = (lineStarts[i + 1] ?? source.length + 1) - 1;
    if (end - start > lim.maxLineLength) {
      return {
        ok: false,
        error: {
          code: 'line-too-long',
          line: i + 1,
          column: lim.maxLineLength + 1,
          details: { length: end - start, max: lim.maxLineLength },
        },
      };
    }
  }
  try {
    const tree = parser.parse(source);
    let errorAt = -1;
    let openStringAt = -1;
    tree.iterate({
      enter: (n) => {
        if (errorAt >= 0) return false;
        if (n.type.isError) {
          errorAt = n.from;
          return false;
        }
        if (n.name === 'String' && openStringAt < 0 && !isTerminated(source.slice(n.from, n.to))) openStringAt = n.from;
        return undefined;
      },
    });
    // The grammar reports an unterminated string as an error where the line ends: name the string instead.
    if (openStringAt >= 0 && (errorAt < 0 || openStringAt <= errorAt)) {
      return refuse(lineStarts, new Refusal('unterminated-string', openStringAt));
    }
    if (errorAt >= 0) return refuse(lineStarts, new Refusal('syntax-error', errorAt));
    const reader = new Reader(source, lineStarts, lim.maxDepth);
    const body = reader.statements(children(tree.topNode), 0, 1);
    return { ok: true, module: { body } };
  } catch (e) {
    if (e instanceof Refusal) return refuse(lineStarts, e);
    return { ok: false, error: { code: 'syntax-error', line: 1, column: 1, details: {} } };
  }
}
