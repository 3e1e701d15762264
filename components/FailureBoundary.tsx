import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useMessages } from '../app/useMessages';

interface Props {
  /** What to show instead of the children once they failed; `retry` renders them again. */
  readonly fallback: (error: Error, retry: () => void) => ReactNode;
  /** Called before the children render again (for example to fetch failed code anew). */
  readonly onRetry?: () => void;
  /** Where the failure happened, for the console. */
  readonly where: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Contains a failure to the part of the page it wraps: the rest keeps working,
 * and the fallback says what happened and offers to try again. Nothing the
 * user made is lost: it lives in the store and the link, not in the part.
 */
export class FailureBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.where} failed`, error.message, info.componentStack?.split('\n')[1]?.trim());
  }

  private readonly retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    return error ? this.props.fallback(error, this.retry) : this.props.children;
  }
}

/** A panel (story, legend, settings, formulas, share) that failed: the rest of the lesson still works. */
export function PanelFailed({ retry }: { readonly retry: () => void }) {
  const t = useMessages();
  return (
    <div role="alert" className="figure-error figure-error--panel">
      <p>{t.errors.panelFailed}</p>
      <button type="button" className="btn" onClick={retry}>
        {t.errors.retry}
      </button>
    </div>
  );
}

/** A boundary around one panel of a lesson. */
export function PanelBoundary({ where, children }: { readonly where: string; readonly children: ReactNode }) {
  return (
    <FailureBoundary where={where} fallback={(_error, retry) => <PanelFailed retry={retry} />}>
      {children}
    </FailureBoundary>
  );
}

/** The whole app failed: the link still holds the user's work, so reloading reopens it. */
export function AppFailed() {
  const t = useMessages();
  return (
    <div role="alert" className="figure-error figure-error--page">
      <p>
        <strong>{t.errors.appFailed}</strong>
      </p>
      <p>{t.errors.appFailedDetail}</p>
      <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
        {t.errors.reloadPage}
      </button>
    </div>
  );
}
