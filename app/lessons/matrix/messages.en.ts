/**
 * English words of the matrix lesson, loaded with its code. `messages.zh.ts`
 * has exactly the same keys (its type is `MatrixMessages`).
 */
export const matrixEn = {
  title: 'Convolution as a matrix',
  figureLabel: 'Convolution as a matrix figure',
  matrices: {
    input: 'Input X',
    kernel: 'Kernel W',
    x: 'x: the input read row by row',
    c: 'C',
    y: 'y = C·x',
    output: 'Output: y folded back',
    patches: 'Patch matrix (unfold)',
    kernelRow: 'Kernel as one row',
    im2colY: 'Kernel row · patch matrix',
    ct: 'Cᵀ',
    yAgain: 'y',
    back: 'Cᵀ·y, folded to the input’s shape',
    original: 'x, the input',
    difference: 'x − Cᵀ·y',
    convT: 'conv_transpose2d of y',
    gram: 'CᵀC',
    identity: 'Identity I',
    gradOutput: '∂L/∂y (= y)',
    gradMatrix: 'Cᵀ·∂L/∂y',
    gradBackward: '∂L/∂x from conv2d backward',
  },
  sections: {
    unroll: 'Unrolling: y = C·x',
    unrollNote:
      'x lists the input row by row. Row r of C is window position r: the kernel’s weights sit in the columns of the cells under the window, every other entry is 0. Point at a row, an entry or an output cell to see how they connect.',
    sparsity: (rows: number, cols: number, weights: number, entries: number) =>
      `C has ${rows} rows (one per window position) and ${cols} columns (one per input cell). Only ${weights} of its ${entries} entries hold a kernel weight; the other ${entries - weights} are always 0.`,
    im2col: 'The other unrolling: im2col',
    im2colNote:
      'Column j of the patch matrix holds the input cells under window j (padding gives 0). The kernel read as one row times this matrix is one product, the way frameworks compute a convolution.',
    im2colSame: 'Both unrollings give the same y, cell by cell.',
    im2colDiffers: (gap: string) => `The two unrollings differ by up to ${gap}.`,
    transpose: 'The transpose: Cᵀ·y',
    transposeNote:
      'Cᵀ turns the rows of C into columns, so it takes a vector as long as y back to one as long as x. Folded into the input’s shape, Cᵀ·y sits next to x.',
    transposeSame: (op: string) =>
      `conv_transpose2d of y, with the same kernel, stride and padding and output_padding ${op} to restore the size, equals Cᵀ·y in every cell.`,
    transposeDiffers: (gap: string) => `conv_transpose2d of y and Cᵀ·y differ by up to ${gap}.`,
    sameShape: (equal: number, cells: number) =>
      `Same shape as x; ${equal} of its ${cells} cells equal x’s. The transpose restores the shape, not the values.`,
    giveBack: 'Here Cᵀ·y gives x back exactly.',
    notInverse: 'Why the transpose is not the inverse',
    notInverseNote:
      'Cᵀ would undo C only if CᵀC were the identity, which means C is orthogonal: its columns have length 1 and are perpendicular to each other. Neighbouring windows share input cells, so columns of C overlap, and a kernel seldom has length 1.',
    fewerRows: (rows: number, cols: number) =>
      `C has ${rows} rows and ${cols} columns: fewer rows than columns, so CᵀC has rank at most ${rows} and cannot be the ${cols}×${cols} identity. Some information about x is lost in y.`,
    gramGap: (gap: string) => `The largest difference between CᵀC and I is ${gap}.`,
    orthogonal: 'CᵀC equals the identity: this C is orthogonal, so Cᵀ undoes it.',
    ownKernel:
      'A transposed-convolution layer in a network is not the convolution run backwards: it learns a kernel of its own, independent of the convolution’s.',
    backward: 'Backward is Cᵀ',
    backwardNote:
      'Since y = C·x, the gradient of a loss L with respect to x is ∂L/∂x = Cᵀ·∂L/∂y: the backward pass of a convolution is a transposed convolution. With L = ½‖y‖², ∂L/∂y is y itself.',
    backwardSame: 'Cᵀ·∂L/∂y equals the engine’s conv2d backward in every cell.',
    backwardDiffers: (gap: string) => `Cᵀ·∂L/∂y and conv2d backward differ by up to ${gap}.`,
    hidden: 'Hidden until you answer the question above.',
    frame: (name: string) => `${name} (scrolls)`,
  },
  arithmetic: {
    weight: (w: string, v: string, times: number) =>
      `${w} = ${v}: it appears ${times} time${times === 1 ? '' : 's'} in C, once per window that covers an input cell with it`,
    entryWeight: (entry: string, w: string, v: string, r: number, x: string) =>
      `${entry} = ${w} = ${v}: window ${r} puts this weight on ${x}`,
    entryZero: (entry: string, r: number, x: string) => `${entry} = 0: window ${r} does not cover ${x}`,
    padding: 'padding',
  },
  steps: [
    {
      title: 'Line the input up',
      body: 'A convolution can be written as one matrix product. First read the 4×4 input row by row into one vector x of 16 numbers: row 0, then row 1, and so on. Press play to watch the order.',
    },
    {
      title: 'One row per window',
      body: 'Every position of the sliding window becomes one row of a matrix C. The row holds the kernel’s weights in the columns of the input cells under the window and zeros everywhere else, so multiplying it by x gives that window’s output.',
    },
    {
      title: 'Mostly zeros',
      body: 'Each row of C has a column for every input cell, but only the cells under its window get a weight. Point at an entry to see which kernel weight it is.',
    },
    {
      title: 'The other unrolling: im2col',
      body: 'Frameworks usually unroll the other way round: the input cells of each window become one column of a patch matrix (torch.nn.functional.unfold) and the kernel becomes one row. One matrix product gives the same y.',
    },
    {
      title: 'Stride and padding',
      body: 'A 5×5 input with stride 2 and padding 1. Padding cells are zeros, so the weights that land on them drop out of C; the stride skips window positions, so C has fewer rows.',
    },
    {
      title: 'The transpose',
      body: 'Cᵀ turns the rows of C into columns: it takes a vector as long as y back to a vector as long as x. Fold Cᵀ·y into the input’s shape and compare it with x.',
    },
    {
      title: 'Cᵀ is a transposed convolution',
      body: 'Run a transposed convolution on y with the same kernel, stride and padding, plus the output_padding that restores the size: every cell equals Cᵀ·y. Multiplying by Cᵀ is a transposed convolution, which is where the name comes from.',
    },
    {
      title: 'The transpose is not the inverse',
      body: 'Cᵀ·y has the shape of x, not its values. Cᵀ undoes C only when CᵀC is the identity, that is when C is orthogonal. Here C has fewer rows than columns, so that cannot happen. A transposed-convolution layer does not undo a convolution either: it learns its own kernel.',
    },
    {
      title: 'When the transpose is the inverse',
      body: 'A 1×1 kernel of weight 1 makes C the identity: CᵀC = I and Cᵀ·y gives x back exactly. A kernel that does any work mixes neighbouring cells, and the columns of C stop being orthonormal.',
    },
    {
      title: 'Backward is Cᵀ',
      body: 'Training needs the gradient of the loss with respect to x. Since y = C·x, ∂L/∂x = Cᵀ·∂L/∂y. With L = ½‖y‖², ∂L/∂y is y, so the gradient is exactly the Cᵀ·y from before, and the engine’s conv2d backward gives the same numbers.',
    },
    {
      title: 'Your turn',
      body: 'Change the input, the kernel, the stride or the padding (inputs up to 6×6). Every matrix follows, and the link reopens exactly this figure.',
    },
  ],
  questions: {
    rows: 'How many rows does C have?',
    weights: 'How many entries of C hold a kernel weight?',
    giveBack: 'Will Cᵀ·y give back x? Type how many cells of Cᵀ·y equal the cells of x.',
  },
};

export type MatrixMessages = typeof matrixEn;
