/**
 * The small typed syntax tree that `parsePython` returns: the part of Python
 * that the lessons read (assignments, calls, arithmetic, `with` blocks). It is
 * the parser's own shape, independent of the grammar library underneath, so a
 * lesson that interprets it never sees the grammar's node names.
 */

/**
 * Where a node starts and ends in the source. `line` and `column` are 1-based
 * (as an editor shows them); `from` and `to` are UTF-16 offsets into the
 * source, `to` exclusive.
 */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '@' | '**';
export type UnaryOperator = '-' | '+';
export type AugmentedOperator = '+=' | '-=' | '*=' | '/=' | '@=';

export interface NameExpr {
  readonly kind: 'name';
  readonly id: string;
  readonly span: Span;
}

/**
 * A number literal. `-2.0` is one literal with a negative value (Python reads
 * it as a minus applied to 2.0; `-2 ** 2` stays a minus applied to a power).
 * `integer` is true when the literal has neither a decimal point nor an
 * exponent (`3`, not `3.0`), which PyTorch treats as a different dtype.
 */
export interface NumberExpr {
  readonly kind: 'number';
  readonly value: number;
  readonly integer: boolean;
  readonly raw: string;
  readonly span: Span;
}

export interface BooleanExpr {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

export interface NoneExpr {
  readonly kind: 'none';
  readonly span: Span;
}

/** A plain single-line string literal (`'x'` or `"x"`), escapes decoded. */
export interface StringExpr {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

export interface ListExpr {
  readonly kind: 'list';
  readonly elements: readonly Expr[];
  readonly span: Span;
}

export interface TupleExpr {
  readonly kind: 'tuple';
  readonly elements: readonly Expr[];
  readonly span: Span;
}

/** `object.name`; `nameSpan` is where the attribute's name is written. */
export interface AttributeExpr {
  readonly kind: 'attribute';
  readonly object: Expr;
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
}

/** `name=value` inside a call. */
export interface Keyword {
  readonly name: string;
  readonly value: Expr;
  readonly span: Span;
}

export interface CallExpr {
  readonly kind: 'call';
  readonly callee: Expr;
  readonly args: readonly Expr[];
  readonly keywords: readonly Keyword[];
  readonly span: Span;
}

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: Expr;
  readonly span: Span;
}

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export type Expr =
  | NameExpr
  | NumberExpr
  | BooleanExpr
  | NoneExpr
  | StringExpr
  | ListExpr
  | TupleExpr
  | AttributeExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr;

/** What an assignment may write to: a name or an attribute (`a.grad = None`). */
export type AssignTarget = NameExpr | AttributeExpr;

export interface AssignStmt {
  readonly kind: 'assign';
  readonly target: AssignTarget;
  readonly value: Expr;
  readonly span: Span;
}

/** `target op= value`, such as `c += 1`. */
export interface AugAssignStmt {
  readonly kind: 'augAssign';
  readonly target: AssignTarget;
  readonly op: AugmentedOperator;
  readonly value: Expr;
  readonly span: Span;
}

export interface ExprStmt {
  readonly kind: 'expr';
  readonly value: Expr;
  readonly span: Span;
}

/** `with context:` and its indented body (one context, no `as`). */
export interface WithStmt {
  readonly kind: 'with';
  readonly context: Expr;
  readonly body: readonly Stmt[];
  readonly span: Span;
}

export type Stmt = AssignStmt | AugAssignStmt | ExprStmt | WithStmt;

export interface Module {
  readonly body: readonly Stmt[];
}
