import { describe, expect, it } from 'vitest';
import { STACK_PRESETS, stackInfo, stackPreset, type PresetId } from '../../engine';

function last(id: PresetId) {
  const preset = stackPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const info = stackInfo(preset.stack);
  return { info, row: info.rows[info.rows.length - 1] };
}

describe('presets from real networks', () => {
  it('are all accepted, within the lesson’s limits, and say where they come from', () => {
    expect(STACK_PRESETS.map((p) => p.id)).toEqual([
      'two-3x3',
      'one-5x5',
      'three-3x3',
      'one-7x7',
      'vgg16-blocks-1-2',
      'alexnet-stem',
      'resnet50-stem',
      'dilated-1-2-4-8',
    ]);
    for (const p of STACK_PRESETS) {
      expect(stackInfo(p.stack).valid).toBe(true);
      expect(p.source.citation.length).toBeGreaterThan(20);
      expect(p.source.url).toMatch(/^https:\/\/arxiv\.org\//);
    }
  });

  it('show two 3×3 convolutions reaching as far as one 5×5, and three as far as one 7×7, with fewer weights (VGG §2.3)', () => {
    const pairs: [PresetId, PresetId, number][] = [
      ['two-3x3', 'one-5x5', 5],
      ['three-3x3', 'one-7x7', 7],
    ];
    for (const [stacked, single, reach] of pairs) {
      const a = stackInfo(stackPreset(stacked)?.stack ?? { input: { channels: 1, size: [1, 1] }, layers: [] });
      const b = stackInfo(stackPreset(single)?.stack ?? { input: { channels: 1, size: [1, 1] }, layers: [] });
      expect(a.rows[a.rows.length - 1]?.h.size).toBe(reach);
      expect(b.rows[b.rows.length - 1]?.h.size).toBe(reach);
      const params = (rows: typeof a.rows) => rows.reduce((sum, r) => sum + r.params, 0);
      // n · 9C² against (2n+1)²C² with C = 64: 27C² < 49C² for n = 3.
      const n = a.rows.length;
      expect(params(a.rows)).toBe(n * 9 * 64 * 64);
      expect(params(b.rows)).toBe(reach * reach * 64 * 64);
    }
  });

  it('VGG-16 features[:10] ends at 128×56×56 with a field of 16 and jump 4', () => {
    const { row } = last('vgg16-blocks-1-2');
    expect(row?.outShape).toEqual([128, 56, 56]);
    expect([row?.h.size, row?.h.jump]).toEqual([16, 4]);
  });

  it('the AlexNet stem (torchvision features[:6]) gives 192×13×13, fields 11, 19, 51, 67', () => {
    const { info, row } = last('alexnet-stem');
    expect(row?.outShape).toEqual([192, 13, 13]);
    expect(info.rows.filter((r) => r.layer.kind !== 'relu').map((r) => r.h.size)).toEqual([11, 19, 51, 67]);
    expect(info.rows[0]?.params).toBe(64 * 3 * 11 * 11 + 64);
  });

  it('the ResNet-50 stem takes 224 to 112 to 56 and sees 11 pixels with jump 4', () => {
    const { info, row } = last('resnet50-stem');
    expect(info.rows.map((r) => r.outShape[1])).toEqual([112, 112, 112, 56]);
    expect([row?.h.size, row?.h.jump, row?.h.start]).toEqual([11, 4, 0]);
    expect(info.rows[0]?.params).toBe(64 * 3 * 7 * 7);
  });

  it('the dilated stack keeps the size and grows the field to 3, 7, 15, 31', () => {
    const { info } = last('dilated-1-2-4-8');
    const convs = info.rows.filter((r) => r.layer.kind === 'conv');
    expect(convs.map((r) => r.h.size)).toEqual([3, 7, 15, 31]);
    expect(convs.every((r) => r.outShape[1] === 64)).toBe(true);
  });
});
