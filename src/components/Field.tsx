import { useId, type ReactNode } from 'react';

interface Props {
  readonly label: ReactNode;
  /** Renders the control with the id its label points at. */
  readonly children: (id: string) => ReactNode;
  readonly className?: string;
}

/**
 * A label above its control, tied by id rather than by wrapping: a wrapped <select> would
 * lend its chosen option to the label's accessible name ("From A").
 */
export function Field({ label, children, className }: Props) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
