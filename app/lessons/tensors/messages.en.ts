/**
 * English words of the tensors lesson, loaded with its code: the console, the
 * figures, the narrative and the wording of every refusal the console can
 * give (the engine names them with codes only). `messages.zh.ts` has exactly
 * the same keys (its type is `TensorsMessages`).
 */
import type { AutogradErrorCode, ProblemDetails } from '../../../engine';
import type { PythonSyntaxCode } from '../../../engine/python';
import type { SubsetCode } from '../../../engine/autograd';

type D = ProblemDetails;
type Words<C extends string> = Readonly<Record<C, (d: D) => string>>;

const syntax: Words<PythonSyntaxCode> = {
  'source-too-long': (d) =>
    `The program has ${d.length} characters; the console reads at most ${d.max}. Remove lines or shorten them.`,
  'too-many-lines': (d) => `The program has ${d.lines} lines; the console reads at most ${d.max}. Remove some lines.`,
  'line-too-long': (d) =>
    `This line has ${d.length} characters; a line may have at most ${d.max}. Split it into shorter lines with names for the parts.`,
  'nesting-too-deep': (d) =>
    `Brackets and calls are nested more than ${d.max} deep here. Give the inner parts names on lines of their own.`,
  'syntax-error': () =>
    'This is not valid Python. Look for a missing bracket, comma or operator, or a stray character, at this point or just before it.',
  'unexpected-indent': () =>
    'This line is indented where Python does not expect it. Only the lines inside “with torch.no_grad():” are indented; line the others up with the first line.',
  'unsupported-statement': (d) =>
    `The console does not run “${d.syntax}” statements. It runs assignments (y = …, c += 1), calls on their own (y.backward()) and “with torch.no_grad():” blocks; rewrite the line as one of those.`,
  'unsupported-expression': (d) =>
    `The console does not read this kind of expression (${d.syntax}). Use names, numbers, lists, arithmetic and calls such as x.unsqueeze(0); read values from the table beside the console instead of indexing.`,
  'unsupported-operator': (d) =>
    `The operator ${d.operator} is not part of the console. Use + - * / @ ** (or += -= *= /=).`,
  'unsupported-target': () =>
    'Only one name (or a.grad = None) can be assigned to here. Write one assignment per line, such as y = x * 2.',
  'unsupported-argument': () =>
    'The console passes arguments only as values or as name=value (no *args or **kwargs). Write each argument out.',
  'unsupported-number': (d) =>
    `The number ${d.raw} cannot be read. Write decimal numbers such as 2, 0.5 or 1e-3 (no hex, underscores or complex numbers).`,
  'unsupported-string': () =>
    'The console reads only plain short strings in quotes, and tensors do not need any. Remove the string.',
  'unterminated-string': () =>
    'A string starts here but its closing quote is missing. Add the quote or remove the string.',
  'positional-after-keyword': () =>
    'A plain argument comes after a name=value argument. Put the plain arguments first, as Python requires.',
  'repeated-keyword': (d) => `The argument ${d.name}= is given twice. Keep one of them.`,
  'dunder-name': (d) =>
    `Names that start with two underscores (${d.name}) reach Python’s internals; the console refuses them. Choose another name.`,
};

const subset: Words<SubsetCode> = {
  'unknown-function': (d) =>
    `${d.name === '' ? 'This function' : `${d.name}()`} is not one the console knows. It knows torch.tensor, zeros, ones, arange, ones_like, zeros_like, sigmoid, exp, relu and matmul.`,
  'unknown-method': (d) =>
    `.${d.name}() is not a method the console knows. Try sum, mean, relu, exp, sigmoid, detach, t, squeeze, unsqueeze, reshape, view, matmul, add_, sub_, mul_, div_, zero_, requires_grad_ or backward.`,
  'unknown-attribute': (d) =>
    `.${d.name} is not something the console reads. Of a tensor’s attributes it reads only .grad; the table beside the console shows shape, requires_grad, is_leaf and grad_fn.`,
  'unknown-keyword': (d) => `${d.function}() does not take ${d.name}= in the console. Remove that argument.`,
  'unsupported-with': () =>
    'The only “with” block the console runs is “with torch.no_grad():”. Use that, or remove the block.',
  'unsupported-assignment': () =>
    'The console assigns to names only, and to a.grad only to set it to None. Assign the result to a name instead.',
  'unsupported-operator': (d) => `The console does not run ${d.operator} here. Use + - * / (or @ between tensors).`,
  'unsupported-statement': () =>
    'A line on its own must be a call, such as y.backward() or w.grad.zero_(). Assign the value to a name to see it in the table.',
  'unsupported-operands': () =>
    'These values cannot be combined here: the console computes with tensors and numbers (and torch only before a dot, as in torch.ones). Check what each side is.',
  'reserved-name': (d) => `${d.name} is the module the console runs on; do not assign to it. Choose another name.`,
  'bad-argument': () =>
    'The arguments of this call are not right: check how many there are and that sizes and dims are whole numbers and flags are True or False.',
  'integer-tensor': () =>
    'These numbers are all whole, so PyTorch would make an integer tensor, which cannot have gradients. Write at least one as a decimal, such as 1.0.',
  'batched-matmul': (d) =>
    `Matrix products in the console take vectors and matrices; these tensors have ${d.left} and ${d.right} dims. Squeeze or reshape them to 2 dims first.`,
  'ragged-data': () =>
    'The nested lists are not rectangular (or one is empty): every row needs the same length. Fix the lists.',
  'not-a-tensor': () =>
    'This value is not a tensor, so the console cannot use it here. Make it a tensor with torch.tensor(…).',
};

const runtime: Words<AutogradErrorCode> = {
  'backward-through-freed-graph': (d) =>
    `Trying to go backward through the graph a second time: the first backward() freed what ${d.node} had saved. Pass retain_graph=True to the first backward(), or compute the result again before calling backward().`,
  'inplace-on-saved-tensor': (d) =>
    `A tensor of shape ${d.shape} that the graph saved for backward was changed in place (its version is ${d.version}, the graph expected ${d.expected}). Use an out-of-place operation (y = y + 1 instead of y.add_(1)), or change it after backward().`,
  'inplace-on-leaf': (d) =>
    `The tensor of shape ${d.shape} is a leaf that requires grad, and an in-place change to it cannot be tracked. Do the update inside “with torch.no_grad():”, or compute a new tensor.`,
  'inplace-on-view-of-leaf': (d) =>
    `This tensor of shape ${d.shape} is a view of a leaf that requires grad; changing it in place would change the leaf. Change it inside “with torch.no_grad():”, or work on a new tensor.`,
  'inplace-on-no-grad-view': (d) =>
    `This view of shape ${d.shape} was made inside torch.no_grad(), and its base requires grad: an in-place change to it cannot be tracked. Make the view outside no_grad, or change it inside no_grad too.`,
  'inplace-overlap': (d) =>
    `The in-place result has shape ${d.output}, but the other operand of shape ${d.input} overlaps the same memory. Use an out-of-place operation or a separate tensor.`,
  'backward-non-scalar': (d) =>
    `backward() without arguments needs a single number, but this tensor has shape ${d.shape}. Call .sum() (or .mean()) first, or pass gradient= a tensor of that shape.`,
  'backward-without-grad': () =>
    'This tensor does not require grad and has no grad_fn, so there is nothing to go back through. Create a leaf with requires_grad=True and compute from it, outside torch.no_grad().',
  'backward-gradient-shape-mismatch': (d) =>
    `The gradient passed to backward() has shape ${d.gradient}, but the output has shape ${d.output}. Give a gradient of the output’s shape.`,
  'broadcast-shape-mismatch': (d) =>
    `The shapes do not broadcast: size ${d.sizeA} against size ${d.sizeB} at dim ${d.dim}. Sizes must be equal or one of them 1; unsqueeze or reshape one operand.`,
  'inplace-broadcast-mismatch': (d) =>
    `An in-place result must keep its tensor’s shape ${d.output}, but the operands broadcast to ${d.broadcast}. Compute a new tensor instead of changing this one in place.`,
  'matmul-shape-mismatch': (d) =>
    `Matrix product of ${d.left} and ${d.right}: the inner sizes must be equal. Transpose one side with .t() or reshape it.`,
  'matmul-zero-dim': () => 'Both sides of a matrix product need at least 1 dim; use * to multiply by a single number.',
  'dimension-out-of-range': (d) =>
    `Dimension out of range: expected a dim from ${d.min} to ${d.max}, got ${d.dim}. Negative dims count from the end.`,
  'transpose-rank-too-high': (d) =>
    `.t() works on tensors of at most 2 dims; this one has ${d.dims}. Squeeze or reshape it to 2 dims first.`,
  'reshape-size-mismatch': (d) =>
    `Shape ${d.shape} does not fit a tensor of ${d.size} values: the sizes must multiply to ${d.size}. Change the sizes, or use −1 for one of them.`,
  'reshape-several-inferred': (d) =>
    `Only one size may be −1 (inferred), but ${d.shape} has more. Write the others out.`,
  'view-not-contiguous': (d) =>
    `view() cannot give shape ${d.shape} here: the tensor’s values are not laid out in memory in that order (after .t(), for example). Use reshape(), which copies when it must.`,
  'grad-is-none': (d) =>
    `.grad is None here, so .${d.attribute} cannot be used on it. Run backward() first, or check that the tensor is a leaf with requires_grad=True.`,
  'name-not-defined': (d) => `The name ${d.name} is not defined. Assign it on an earlier line, or check its spelling.`,
  'program-too-long': (d) => `The program has ${d.lines} lines; the console runs at most ${d.max}. Remove some lines.`,
  'tensor-too-many-dims': (d) =>
    `This tensor would have ${d.dims} dims; the console draws at most ${d.max}. Use fewer dims.`,
  'tensor-too-large': (d) =>
    `This tensor would hold ${d.elements} values; the console keeps at most ${d.max}. Use smaller sizes.`,
};

export const tensorsEn = {
  title: 'Tensors and autograd',
  errors: {
    at: (line: number, column: number) => `Line ${line}, column ${column}: `,
    syntax,
    subset,
    runtime,
    program: {
      'program-too-long': (d: D) =>
        `The program has ${d.lines} lines; the console runs at most ${d.max}. Remove some lines.`,
    },
    stopped: 'The console stopped here',
  },
  console: {
    label: 'Console',
    editor: 'Program (PyTorch)',
    editorHint: 'One statement per line. Every line runs as you type; step through them with the buttons below or ← →.',
    lines: 'Lines that ran',
    line: (n: number) => `Line ${n}`,
    goToLine: (n: number) => `Show the state after line ${n}`,
    notRun: 'not run',
    hidden: 'hidden until you answer',
    resetProgram: 'Back to this step’s program',
    pick: 'Add a line',
    pickPlaceholder: 'Choose a line to add…',
    noTensor: 'no new tensor',
    inPlace: (names: string) => `changed in place: ${names}`,
    backward: 'gradients flowed back',
    showing: (line: number) => `After line ${line}`,
    before: 'Before the first line',
    announce: (line: number, count: number) => `After line ${line} of ${count}`,
  },
  table: {
    caption: 'Every name after this line',
    name: 'name',
    value: 'value',
    shape: 'shape',
    flags: 'flags',
    gradFn: 'grad_fn',
    grad: '.grad',
    storage: 'storage',
    none: 'None',
    leaf: 'leaf',
    requiresGrad: 'requires_grad',
    detached: 'detached',
    shares: (names: string) => `shared with ${names}`,
    own: 'its own',
    changed: 'changed in place',
    gradChanged: '.grad changed in place',
    empty: 'No names yet.',
    hidden: 'Hidden until you answer the question.',
  },
  shapes: {
    title: 'Shape',
    figureLabel: 'Shape of the tensor this line made',
    nothing: 'This line made no new tensor.',
    base: 'from',
    made: 'this line',
    dim: (d: number, n: number) => `dim ${d}: ${n}`,
    newAxis: 'new axis',
    removedAxis: 'axis removed',
    scalar: 'a single number (0 dims)',
    sharesStorage: 'same storage: no values copied',
  },
  graph: {
    title: 'Computation graph',
    figureLabel: 'Computation graph after this line',
    empty: 'No operation is recorded yet: nothing here requires grad.',
    leaf: 'leaf',
    requiresGrad: 'requires_grad',
    noGrad: 'no grad',
    detached: 'detached',
    freed: 'saved values freed',
    stop: 'gradient stops',
    gradIn: (v: string) => `grad ${v}`,
    gradOf: (v: string) => `.grad = ${v}`,
    legend:
      'Forward runs left to right. After backward(), gradients travel right to left along the solid edges; a dashed edge carries no gradient.',
    hidden: 'Hidden until you answer the question.',
  },
  steps: [
    {
      title: 'A 4×4 matrix enters a conv layer',
      body: 'A conv layer reads a batch of images, each with channels: its input has the shape [batch, channel, height, width]. A single 4×4 matrix has only two of those four dims, so we add a size-1 axis in front twice with unsqueeze(0). Nothing is copied: every new name is a view of the same 16 numbers. squeeze() removes the size-1 axes again.',
    },
    {
      title: 'Which dims does unsqueeze accept?',
      body: 'unsqueeze(dim) inserts a new axis before position dim. For a tensor with n dims the new axis can go in n + 1 places, and negative dims count from the end. Step through the lines; one of them is refused.',
    },
    {
      title: 'Views share storage',
      body: 'view and reshape give new names and new shapes, but here they keep pointing at the same storage as x. An in-place change through one name is seen through every name on that storage: watch which rows light up.',
    },
    {
      title: 'A name is a reference',
      body: 'c = a does not copy a tensor: both names now point at the same tensor, like two Java references or two C++ pointers to one object. c = c + 1 computes a new tensor and moves the name c to it.',
    },
    {
      title: 'c += 1 and c.add_(1) change the tensor itself',
      body: 'An augmented assignment on a tensor and a method ending in an underscore write into the existing storage instead of making a new tensor. Every name that points there sees the change.',
    },
    {
      title: 'backward() adds into .grad',
      body: 'For y = w·w, dy/dw = 2w = 6. backward() does not replace w.grad; it adds the new gradient to what is there. That is why a training loop calls zero_() (or optimizer.zero_grad()) before each backward.',
    },
    {
      title: 'detach() and requires_grad=False stop the gradient',
      body: 'k was made with requires_grad=False, so no gradient goes to it. h.detach() is the same numbers as h without a history: the gradient stops there too, and h.detach() acts as a constant in z = h.detach() · x.',
    },
    {
      title: 'Why a GAN detaches the generator’s output',
      body: 'When the discriminator d learns, the generator g must not change. Its output fake is detached before it enters the discriminator’s loss, so backward() reaches d and stops at fake: g.grad stays None.',
    },
    {
      title: 'A second backward through a freed graph',
      body: 'To save memory, backward() frees the values each node saved for it. A second backward through the same graph finds them gone and is refused. Pass retain_graph=True to the first call (edit line 3) if you really need both.',
    },
    {
      title: 'An in-place change to a saved tensor',
      body: 'z = y · y saves y, because dz/dy = 2y needs it. y.add_(1) then changes y in place and bumps its version counter. backward() notices that the saved y is no longer the one it saved and refuses rather than compute a wrong gradient.',
    },
    {
      title: 'Your turn',
      body: 'A gradient step by hand: compute, backward, then update the weights inside torch.no_grad() so the update itself is not recorded. Edit any line, or write your own program: each line runs as you type, and the link keeps your program and the line you are looking at.',
    },
  ],
  questions: {
    'conv-shape': 'What shape does c have? (for example 2, 3, 4)',
    'largest-dim': 'x has 2 dims. What is the largest dim that x.unsqueeze accepts?',
    'view-shares': 'After v.add_(1), what is x[0, 0]?',
    reference: 'After c = c + 1, what is a[0]?',
    inplace: 'After c += 1 and c.add_(1), what is a[0]?',
    accumulate: 'After the second backward(), what is w.grad?',
    detach: 'After z.backward(), what is x.grad?',
    gan: 'After loss_d.backward(), what is d.grad?',
  },
};

export type TensorsMessages = typeof tensorsEn;
