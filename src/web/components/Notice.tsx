import type { ReactNode } from 'react';

type Tone = 'calm' | 'warm' | 'done';

/**
 * A soft message box. `alert` is only for what a person just did (a save that did not work), so
 * screen readers hear it at once; everything else is polite or static. Never red alarm styling.
 */
export function Notice({
  tone = 'calm',
  title,
  children,
  alert,
  id,
}: {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
  alert?: boolean;
  id?: string;
}) {
  return (
    <div className={`notice notice-${tone}`} role={alert ? 'alert' : undefined} id={id}>
      {title && <p className="notice-title">{title}</p>}
      {children && <div className="notice-body">{children}</div>}
    </div>
  );
}

/** The message at the top of a form after a save did not go through. */
export function FormNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Notice tone="warm" alert>
      <p>{message}</p>
    </Notice>
  );
}
