import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the boundary guards, for the message: "the playground". */
  readonly what: string;
  /** Called by "Reset this lab": should drop the lab's state and remount it. */
  readonly onReset: () => void;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Catches a render error in one lab so that the page never goes blank: the learner sees
 * what broke, in words, and a button that starts the lab afresh.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The lab stopped in ${this.props.what}:`, error, info.componentStack);
  }

  private reset = (): void => {
    this.props.onReset();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="error-panel" role="alert" aria-labelledby="error-title">
        <h2 id="error-title">Something in {this.props.what} went wrong</h2>
        <p>The rest of the page still works. Starting the lab afresh usually fixes it; your link and files are untouched.</p>
        <details>
          <summary>What went wrong</summary>
          <pre>{error.message}</pre>
        </details>
        <button type="button" onClick={this.reset}>
          Reset this lab
        </button>
      </section>
    );
  }
}
