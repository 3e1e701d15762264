import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSON_AUTOENCODER, parameterCount, parametersFromJson } from '../../../../engine/nn';

describe('the weights shipped with the lesson', () => {
  const text = readFileSync(new URL('../../../../public/autoencoder/weights.json', import.meta.url), 'utf8');

  it('are the engine’s weights JSON for the lesson’s network, and stay under 400 KB', () => {
    const parsed = parametersFromJson(text);
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.value.spec).toEqual(LESSON_AUTOENCODER);
    expect(parameterCount(parsed.value)).toBe(30371);
    expect(text.length).toBeLessThan(400_000);
  });

  it('say how they were trained, with the held-out PSNR the training script measured', () => {
    const doc = JSON.parse(text) as { training: { steps: number; heldOut: string; heldOutPsnr: number } };
    expect(doc.training.heldOut).toBe('astronaut');
    expect(doc.training.heldOutPsnr).toBeGreaterThan(25);
  });
});
