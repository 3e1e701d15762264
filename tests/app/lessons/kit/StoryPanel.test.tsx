// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { StoryPanel } from '../../../../app/lessons/kit/StoryPanel';
import { createAppStore } from '../../../../app/store/appStore';
import { StoreProvider } from '../../../../app/store/react';

/** A two-step story whose first step asks for a size; `answer` is what the figure on screen gives. */
function Story({ answer, refused = false }: { answer: string; refused?: boolean }) {
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());
  return (
    <StoryPanel
      index={index}
      count={2}
      title={`Step ${index + 1}`}
      body=""
      checkpoint={{ question: 'How big is the output?', answer, matches: (typed) => typed.trim() === answer, refused }}
      revealed={revealed.has(index)}
      onReveal={() => setRevealed((r) => new Set(r).add(index))}
      onGo={setIndex}
    />
  );
}

function mount(answer = '3 × 3', lang: 'en' | 'zh-CN' = 'en') {
  const store = createAppStore({ lang, theme: 'light' });
  const view = render(
    <StoreProvider store={store}>
      <Story answer={answer} />
    </StoreProvider>,
  );
  return {
    rerender: (next: string, refused = false) =>
      view.rerender(
        <StoreProvider store={store}>
          <Story answer={next} refused={refused} />
        </StoreProvider>,
      ),
  };
}

describe('a checkpoint’s result is announced to screen readers', () => {
  it('has a polite live region on the page before the result, and the result is read into it', () => {
    mount();
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('');
    fireEvent.change(screen.getByRole('textbox', { name: 'Your answer' }), { target: { value: '3 × 3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    // The same element: a region added together with its text is often not read.
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Right: 3 × 3.');
  });

  it('a wrong prediction is announced as not quite, with the answer', () => {
    mount();
    fireEvent.change(screen.getByRole('textbox', { name: 'Your answer' }), { target: { value: '2 × 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('status')).toHaveTextContent('Not quite. It is 3 × 3.');
  });

  it('"Just show me" announces the answer and never says it was right', () => {
    mount();
    fireEvent.click(screen.getByRole('button', { name: 'Just show me' }));
    expect(screen.getByRole('status')).toHaveTextContent('The answer: 3 × 3.');
    expect(screen.getByRole('status')).not.toHaveTextContent(/right/i);
  });

  it('is announced in Chinese for a Chinese reader', () => {
    mount('3 × 3', 'zh-CN');
    const region = screen.getByRole('status');
    fireEvent.click(screen.getByRole('button', { name: '直接告诉我' }));
    expect(region).toHaveTextContent('答案是 3 × 3。');
    expect(region).not.toHaveTextContent('答对了');
  });
});

describe('a checkpoint’s result belongs to the figure it was given for', () => {
  it('keeps the answer it was given with when the figure changes afterwards', () => {
    const { rerender } = mount('3 × 3');
    fireEvent.click(screen.getByRole('button', { name: 'Just show me' }));
    rerender('0 × 3');
    expect(screen.getByRole('status')).toHaveTextContent('The answer: 3 × 3.');
  });

  it('stays with its own step: a step left and come back to shows its own result', () => {
    mount();
    fireEvent.change(screen.getByRole('textbox', { name: 'Your answer' }), { target: { value: '3 × 3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveValue('');
    fireEvent.click(screen.getByRole('button', { name: /Previous/ }));
    expect(screen.getByRole('status')).toHaveTextContent('Right: 3 × 3.');
  });
});

describe('a checkpoint on a refused figure', () => {
  it('asks for nothing while the figure has no output, and asks again once it has one', () => {
    const { rerender } = mount('3 × 3');
    rerender('0 × 3', true);
    expect(screen.queryByRole('textbox', { name: 'Your answer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Just show me' })).toBeNull();
    expect(screen.getByText(/there is no output to predict/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
    rerender('2 × 3', false);
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeInTheDocument();
  });
});
