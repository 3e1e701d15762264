import { describe, expect, it } from 'vitest';
import { MAX_PROGRAM_LINES, runProgram, type ProgramRun, type TensorInfo } from '../../../engine/autograd';

/** The tensor bound to `name` after the run. */
function named(run: ProgramRun, name: string): TensorInfo {
  const id = run.state.names[name];
  const t = run.state.tensors.find((x) => x.id === id);
  if (!t) throw new Error(`${name} is not a tensor`);
  return t;
}

function ok(lines: string[]): ProgramRun {
  const run = runProgram(lines);
  expect(run.error).toBeNull();
  return run;
}

const leaf = 'a = torch.tensor([1.0, 2.0], requires_grad=True)';

describe('gradient accumulation', () => {
  it('adds every backward into .grad instead of replacing it', () => {
    const run = ok([leaf, 'y = (a * a).sum()', 'y.backward(retain_graph=True)', 'y.backward()']);
    expect(named(run, 'a').grad?.data).toEqual([4, 8]);
  });

  it('accumulates into the same .grad tensor, so a name bound to it sees the sum', () => {
    const run = ok([leaf, 'y = a.sum()', 'y.backward(retain_graph=True)', 'g = a.grad', 'y.backward()']);
    expect(named(run, 'g').data).toEqual([2, 2]);
  });

  it('starts a new .grad after a.grad = None, and a.grad.zero_() clears it in place', () => {
    const run = ok([leaf, 'y = a.sum()', 'y.backward()', 'g = a.grad', 'a.grad = None', 'y.backward()', 'g.zero_()']);
    expect(named(run, 'a').grad?.data).toEqual([1, 1]);
    expect(named(run, 'g').data).toEqual([0, 0]);
  });
});

describe('detach', () => {
  it('shares storage with the original, so an in-place change shows in both', () => {
    const run = ok([leaf, 'c = a.detach()', 'c.add_(1)']);
    expect(named(run, 'a').data).toEqual([2, 3]);
    expect(named(run, 'c')).toMatchObject({ requiresGrad: false, isLeaf: true, detached: true });
    expect(run.state.sharing).toEqual([['a', 'c']]);
  });

  it('stops the gradient: a detached factor is a constant', () => {
    const run = ok(['a = torch.tensor(2.0, requires_grad=True)', 'b = (a * 3).detach()', 'y = b * a', 'y.backward()']);
    expect(named(run, 'a').grad?.data).toEqual([6]);
    const mul = run.state.ops.find((o) => o.id === named(run, 'y').gradFn);
    expect(mul?.name).toBe('MulBackward0');
    expect(mul?.next[0]).toBeNull();
  });
});

describe('the version counter', () => {
  it('refuses backward through a tensor that was changed in place after the graph saved it', () => {
    const run = runProgram([leaf, 'c = a + 3', 'y = c ** 2', 'c += 1.5', 'y.sum().backward()']);
    expect(run.error).toMatchObject({
      stage: 'runtime',
      code: 'inplace-on-saved-tensor',
      line: 5,
      details: { version: 1, expected: 0 },
    });
  });

  it('lets an in-place change through when the graph saved nothing of that tensor', () => {
    const run = ok([leaf, 'c = a + 3', 'y = c.sum()', 'c += 1.5', 'y.backward()']);
    expect(named(run, 'a').grad?.data).toEqual([1, 1]);
    expect(named(run, 'c').version).toBe(1);
  });

  it('counts in-place writes per storage, through views and detach alike', () => {
    const run = ok(['k = torch.zeros(2)', 'v = k.unsqueeze(0)', 'd = k.detach()', 'v.add_(1)', 'd.mul_(3)']);
    expect(['k', 'v', 'd'].map((n) => named(run, n).version)).toEqual([2, 2, 2]);
    expect(named(run, 'k').data).toEqual([3, 3]);
  });
});

describe('torch.no_grad()', () => {
  it('records no history for what is computed inside it', () => {
    const run = ok([leaf, 'with torch.no_grad():', '    c = a * 2', 'y = c + a']);
    expect(named(run, 'c')).toMatchObject({ requiresGrad: false, isLeaf: true, gradFn: null });
    expect(named(run, 'y')).toMatchObject({ requiresGrad: true, isLeaf: false });
  });

  it('allows an in-place update of a leaf that requires grad, as an optimizer step does', () => {
    const run = ok([leaf, 'y = a.sum()', 'y.backward()', 'with torch.no_grad():', '    a -= a.grad']);
    expect(named(run, 'a')).toMatchObject({ data: [0, 1], isLeaf: true, requiresGrad: true });
  });
});

describe('views share storage', () => {
  it('unsqueeze, reshape, view and t are views of one storage; an in-place change lights up every name', () => {
    const run = ok([
      'k = torch.arange(4.0)',
      'u = k.unsqueeze(0)',
      'r = k.reshape(2, 2)',
      's = r.t()',
      'w = r.view(-1)',
      's.mul_(10)',
    ]);
    expect(run.state.sharing).toEqual([['k', 'u', 'r', 's', 'w']]);
    expect(named(run, 'k').data).toEqual([0, 10, 20, 30]);
    expect(named(run, 's')).toMatchObject({ shape: [2, 2], data: [0, 20, 10, 30] });
    expect(named(run, 'u').shape).toEqual([1, 4]);
  });

  it('copies when reshape cannot be a view, and view refuses', () => {
    const run = ok(['k = torch.arange(4.0).reshape(2, 2)', 'c = k.t().reshape(4)']);
    expect(run.state.sharing).toEqual([]);
    expect(runProgram(['k = torch.arange(4.0).reshape(2, 2)', 'c = k.t().view(4)']).error).toMatchObject({
      code: 'view-not-contiguous',
      line: 2,
    });
  });

  it('makes a name a reference: c = a binds the same tensor, c = c + 1 makes a new one', () => {
    const alias = ok(['a = torch.tensor([1.0, 2.0])', 'c = a', 'c += 1']);
    expect(named(alias, 'a').data).toEqual([2, 3]);
    const fresh = ok(['a = torch.tensor([1.0, 2.0])', 'c = a', 'c = c + 1']);
    expect(named(fresh, 'a').data).toEqual([1, 2]);
    expect(fresh.state.sharing).toEqual([]);
  });

  it('turns a 4×4 matrix into [1, 1, 4, 4] for a conv layer and back with squeeze()', () => {
    const run = ok(['m = torch.ones(4, 4)', 'x = m.unsqueeze(0).unsqueeze(0)', 'y = x.squeeze()']);
    expect(named(run, 'x').shape).toEqual([1, 1, 4, 4]);
    expect(named(run, 'y').shape).toEqual([4, 4]);
  });
});

describe("PyTorch's refusals and the console's limits", () => {
  const cases: [string, string[], string, number][] = [
    [
      'a second backward through a freed graph',
      [leaf, 'y = (a ** 2).sum()', 'y.backward()', 'y.backward()'],
      'backward-through-freed-graph',
      4,
    ],
    ['an in-place op on a leaf that requires grad', [leaf, 'a.add_(1)'], 'inplace-on-leaf', 2],
    [
      'an in-place op on a view of such a leaf',
      [leaf, 'v = a.unsqueeze(0)', 'v.zero_()'],
      'inplace-on-view-of-leaf',
      3,
    ],
    ['backward of a non-scalar without a gradient', [leaf, 'y = a * 2', 'y.backward()'], 'backward-non-scalar', 3],
    ['backward of what does not require grad', ['k = torch.ones(1)', 'k.backward()'], 'backward-without-grad', 2],
    [
      'a gradient of the wrong shape',
      [leaf, 'y = a.sum()', 'y.backward(torch.ones_like(a))'],
      'backward-gradient-shape-mismatch',
      3,
    ],
    ['shapes that do not broadcast', [leaf, 'k = torch.ones(3)', 'y = a + k'], 'broadcast-shape-mismatch', 3],
    ['matrices that cannot be multiplied', ['k = torch.ones(2, 3)', 'y = k @ k'], 'matmul-shape-mismatch', 2],
    ['a dim out of range', [leaf, 'c = a.unsqueeze(2)'], 'dimension-out-of-range', 2],
    ['.grad that is None', [leaf, 'a.grad.zero_()'], 'grad-is-none', 2],
    ['a name never assigned', ['y = q * 2'], 'name-not-defined', 1],
    ['a tensor of more than 256 elements', ['k = torch.zeros(16, 17)'], 'tensor-too-large', 1],
    ['a tensor of more than 4 dims', ['k = torch.zeros(1, 1, 1, 1, 1)'], 'tensor-too-many-dims', 1],
  ];
  for (const [what, lines, code, line] of cases) {
    it(`refuses ${what} at its line, keeping the lines before`, () => {
      const run = runProgram(lines);
      expect(run.error).toMatchObject({ stage: 'runtime', code, line });
      expect(run.steps).toHaveLength(line - 1);
    });
  }

  it('refuses an in-place op that reads its own storage laid out another way, but not the same tensor', () => {
    const run = runProgram(['a = torch.tensor([[3.0, 3.0]])', 'c = a.squeeze()', 'a.div_(c)']);
    expect(run.error).toMatchObject({ code: 'inplace-overlap', line: 3 });
    expect(named(ok(['a = torch.tensor([3.0, 3.0])', 'a += a']), 'a').data).toEqual([6, 6]);
  });

  it('gives a view made under no_grad requires_grad from its base but no edge for backward', () => {
    const lines = [leaf, 'with torch.no_grad():', '    v = a.unsqueeze(0)'];
    expect(named(ok(lines), 'v')).toMatchObject({ requiresGrad: true, isLeaf: true });
    expect(runProgram([...lines, 'v.backward(torch.ones_like(v))']).error).toMatchObject({
      code: 'backward-without-grad',
      line: 4,
    });
    const through = ok([...lines, 'y = v.sum()', 'y.backward()']);
    expect(named(through, 'a').grad).toBeNull();
    expect(through.state.ops.find((o) => o.id === named(through, 'y').gradFn)?.next).toEqual([null]);
  });

  it('keeps the input of mean(dim=0), so changing it in place is refused at backward, unlike sum(dim=0)', () => {
    const change = ['with torch.no_grad():', '    a -= 1.0', 'y.sum().backward()'];
    expect(runProgram([leaf, 'y = a.mean(dim=0)', ...change]).error).toMatchObject({
      code: 'inplace-on-saved-tensor',
      line: 5,
    });
    expect(runProgram([leaf, 'y = a.sum(dim=0)', ...change]).error).toBeNull();
  });

  it('treats a view of a view made under no_grad as made under no_grad', () => {
    const run = runProgram([leaf, 'with torch.no_grad():', '    v = a.unsqueeze(0)', 'w = v.squeeze(0)', 'w.zero_()']);
    expect(run.error).toMatchObject({ code: 'inplace-on-no-grad-view', line: 5 });
  });

  it('looks a method up on None before it evaluates the arguments, as Python does', () => {
    expect(runProgram([leaf, 'a.grad.add_(q)']).error).toMatchObject({ code: 'grad-is-none', line: 2 });
  });

  it('lets a second backward through a graph that saved nothing', () => {
    const run = ok([leaf, 'y = (a + a).sum()', 'y.backward()', 'y.backward()']);
    expect(named(run, 'a').grad?.data).toEqual([4, 4]);
  });

  it('refuses a program longer than 40 lines before running any of it', () => {
    const run = runProgram(Array.from({ length: MAX_PROGRAM_LINES + 1 }, () => 'k = torch.ones(1)'));
    expect(run.error).toMatchObject({ stage: 'limit', code: 'program-too-long' });
    expect(run.steps).toEqual([]);
  });

  it('refuses lines outside the subset before running any of them', () => {
    for (const [source, code] of [
      ['k = torch.ones(1)\nx = torch.load("w.pt")', 'unknown-function'],
      ['k = torch.ones(1)\nx = k.numpy()', 'unknown-method'],
      ['k = torch.ones(1)\nx = k.data', 'unknown-attribute'],
      ['k = torch.ones(1, dtype=2)', 'unknown-keyword'],
      ['with open("f"):\n    k = torch.ones(1)', 'unsupported-with'],
      ['torch = 1', 'reserved-name'],
    ] as const) {
      const run = runProgram(source);
      expect(run.error).toMatchObject({ stage: 'subset', code });
      expect(run.steps).toEqual([]);
    }
    expect(runProgram('x = __import__("os")').error).toMatchObject({ stage: 'syntax', code: 'dunder-name' });
  });

  it('multiplies vectors and matrices only: a batched product is outside the subset', () => {
    const run = runProgram(['k = torch.ones(2, 2).unsqueeze(0)', 'y = k @ k']);
    expect(run.error).toMatchObject({ stage: 'runtime', code: 'batched-matmul', line: 2 });
  });

  it('lays a result out like its input, so a view of a transposed product is refused as in PyTorch', () => {
    const lines = ['k = torch.arange(4.0).reshape(2, 2)', 'd = k.t() * 2'];
    expect(runProgram([...lines, 'e = d.view(-1)']).error).toMatchObject({ code: 'view-not-contiguous', line: 3 });
    const copied = ok([...lines, 'e = d.reshape(-1)']);
    expect(named(copied, 'e').data).toEqual([0, 4, 2, 6]);
    expect(copied.state.sharing).toEqual([]);
  });

  it('refuses integer data and ragged lists, which PyTorch would not make a float tensor of', () => {
    expect(runProgram('k = torch.tensor([1, 2])').error).toMatchObject({ code: 'integer-tensor' });
    expect(runProgram('k = torch.tensor([[1.0], [1.0, 2.0]])').error).toMatchObject({ code: 'ragged-data' });
    expect(runProgram('k = torch.arange(1e9)').error).toMatchObject({ code: 'bad-argument' });
  });
});

describe('what a view draws', () => {
  it('records the graph: op nodes, their edges to AccumulateGrad, and where gradient stops', () => {
    const run = ok([leaf, 'k = torch.tensor([3.0, 4.0])', 'y = a * k', 'z = y.sum()']);
    const ops = run.state.ops;
    const sum = ops.find((o) => o.id === named(run, 'z').gradFn);
    const mul = ops.find((o) => o.id === sum?.next[0]);
    expect(sum?.name).toBe('SumBackward0');
    expect(mul).toMatchObject({
      name: 'MulBackward0',
      inputs: [{ tensor: named(run, 'a').id }, { tensor: named(run, 'k').id }],
    });
    const acc = ops.find((o) => o.id === mul?.next[0]);
    expect(acc).toMatchObject({ name: 'AccumulateGrad', leaf: named(run, 'a').id });
    expect(mul?.next[1]).toBeNull();
  });

  it('gives, for each backward line, the gradient along every edge in the order it flowed', () => {
    const run = ok([leaf, 'k = torch.tensor([3.0, 4.0])', 'y = a * k', 'z = y.sum()', 'z.backward()']);
    const trace = run.steps[4]?.backward;
    expect(
      trace?.flows.map((f) => [run.state.ops[f.from]?.name, run.state.ops[f.to]?.name, Array.from(f.grad.data)]),
    ).toEqual([
      ['SumBackward0', 'MulBackward0', [1, 1]],
      ['MulBackward0', 'AccumulateGrad', [3, 4]],
    ]);
    expect(trace?.accumulated.map((a) => Array.from(a.total.data))).toEqual([[3, 4]]);
    expect(run.steps.slice(0, 4).every((s) => s.backward === null)).toBe(true);
  });

  it('marks nodes whose saved tensors a backward without retain_graph freed', () => {
    const run = ok([leaf, 'y = (a ** 2).sum()', 'y.backward(retain_graph=True)']);
    expect(run.state.ops.find((o) => o.name === 'PowBackward0')).toMatchObject({ saves: true, freed: false });
    const freed = ok([leaf, 'y = (a ** 2).sum()', 'y.backward()']);
    expect(freed.state.ops.find((o) => o.name === 'PowBackward0')).toMatchObject({ freed: true });
  });

  it('keeps one state per line, so earlier lines can be shown again without rerunning', () => {
    const run = ok([leaf, 'c = a.detach()', 'c.add_(1)']);
    expect(run.steps.map((s) => s.line)).toEqual([1, 2, 3]);
    const before = run.steps[1]?.state.tensors.find((t) => t.id === named(run, 'a').id);
    expect(before?.data).toEqual([1, 2]);
  });
});
