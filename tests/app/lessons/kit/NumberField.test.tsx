// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NumberField } from '../../../../app/lessons/kit/NumberField';
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
