// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../components/ErrorBoundary';

function Bomb({ armed }: { armed: boolean }) {
  if (armed) throw new Error('kernel exploded');
  return <p>figure is fine</p>;
}

function Page() {
  const [armed, setArmed] = useState(true);
  return (
    <>
      <ErrorBoundary
        title="This figure stopped working."
        detail={(w) => `What failed: ${w}`}
        resetLabel="Reset this figure"
        onReset={() => setArmed(false)}
      >
        <Bomb armed={armed} />
      </ErrorBoundary>
      <p>the rest of the page</p>
    </>
  );
}

describe('a failing figure', () => {
  it('says what failed, keeps the rest of the page, and resets on request', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Page />);
    expect(screen.getByRole('alert')).toHaveTextContent('What failed: kernel exploded');
    expect(screen.getByText('the rest of the page')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reset this figure' }));
    expect(screen.getByText('figure is fine')).toBeInTheDocument();
    quiet.mockRestore();
    warn.mockRestore();
  });
});
