import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly detail: (what: string) => string;
  readonly resetLabel: string;
  /** Puts the figure back to a working state (e.g. its defaults). */
  readonly onReset: () => void;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps a failing figure from taking the page down: it says what failed and
 * offers to reset that figure, while the rest of the page keeps working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('figure failed', error.message, info.componentStack?.split('\n')[1]?.trim());
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="figure-error">
        <p>
          <strong>{this.props.title}</strong>
        </p>
        <p>{this.props.detail(error.message.slice(0, 200))}</p>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        >
          {this.props.resetLabel}
        </button>
      </div>
    );
  }
}
