// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NumberField, validValuesHint } from '../../../../app/lessons/kit/NumberField';
import { figureEn } from '../../../../app/lessons/kit/messages.en';
import { figureZh } from '../../../../app/lessons/kit/messages.zh';
import { createAppStore } from '../../../../app/store/appStore';
import { StoreProvider } from '../../../../app/store/react';

function Field() {
  const [value, setValue] = useState(3);
  return <NumberField id="k" label="Kernel" value={value} min={1} max={7} valid={[1, 5]} onChange={setValue} />;
}

function mountField() {
  render(
    <StoreProvider store={createAppStore({ lang: 'en', theme: 'light' })}>
      <Field />
    </StoreProvider>,
  );
  return screen.getByRole('spinbutton', { name: 'Kernel' });
}

describe('a number typed into a setting that cannot be used as typed', () => {
  it('is set to the nearest limit and says so', () => {
    const field = mountField();
    fireEvent.change(field, { target: { value: '99' } });
    expect(field).toHaveValue(7);
    expect(screen.getByRole('status')).toHaveTextContent('99 is outside 1–7, so it is set to 7.');
  });

  it('is rounded to a whole number and says so', () => {
    const field = mountField();
    fireEvent.change(field, { target: { value: '2.6' } });
    expect(field).toHaveValue(3);
    expect(screen.getByRole('status')).toHaveTextContent('2.6 is not a whole number, so it is set to 3.');
  });

  it('says nothing about a value used as typed', () => {
    const field = mountField();
    fireEvent.change(field, { target: { value: '99' } });
    fireEvent.change(field, { target: { value: '4' } });
    expect(field).toHaveValue(4);
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});

describe('the values a setting accepts, beside its field', () => {
  function mountWith(value: number, valid: readonly number[] | null) {
    render(
      <StoreProvider store={createAppStore({ lang: 'en', theme: 'light' })}>
        <NumberField id="g" label="Groups" value={value} min={1} max={4} valid={valid} onChange={() => undefined} />
      </StoreProvider>,
    );
    return screen.getByRole('spinbutton', { name: 'Groups' });
  }

  it('are listed one by one when there is a gap, and a value in the gap marks the field', () => {
    const field = mountWith(3, [1, 2, 4]);
    expect(field).toHaveAccessibleDescription(expect.stringContaining('valid here: 1, 2, 4'));
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('read as a range when they run without a gap', () => {
    const field = mountWith(2, [1, 2, 3, 4]);
    expect(field).toHaveAccessibleDescription(expect.stringContaining('valid here: 1–4'));
    expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  it('do not mark the field when no value of it would do: the trouble is elsewhere', () => {
    expect(mountWith(3, [])).toHaveAttribute('aria-invalid', 'false');
  });
});

describe('validValuesHint', () => {
  const words = figureEn.controls;
  it('words one value, a run and a list with gaps', () => {
    expect(validValuesHint([2], words)).toBe('valid here: 2');
    expect(validValuesHint([1, 2, 3], words)).toBe('valid here: 1–3');
    expect(validValuesHint([1, 3], words)).toBe('valid here: 1, 3');
    expect(validValuesHint([], words)).toBeNull();
  });

  it('lists in Chinese with the enumeration comma', () => {
    expect(validValuesHint([1, 2, 4], figureZh.controls)).toBe('此时可用：1、2、4');
  });
});
