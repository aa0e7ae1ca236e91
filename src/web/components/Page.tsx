import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { NotSavedOffline } from '../app/NotSavedOffline.js';
import { isApiError, messageOf } from '../lib/api.js';
import { offlineNow, useOnlineNow } from '../lib/online.js';
import { Notice } from './Notice.js';

/**
 * A page: its title in the tab and a heading that takes focus after in-app navigation, so screen
 * readers announce the new page and keyboard users start at its top.
 */
export function Page({
  title,
  heading,
  lead,
  children,
  actions,
  busy,
}: {
  title: string;
  heading?: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  busy?: boolean;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  // "default" is the page the browser opened; any later location came from navigating in the app.
  const navigated = useLocation().key !== 'default';
  useEffect(() => {
    document.title = `${title} · Alongside`;
  }, [title]);
  useEffect(() => {
    if (navigated) h1.current?.focus();
    // Only when the page first appears, not on every redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="page" aria-busy={busy || undefined}>
      <div className="page-head">
        <h1 ref={h1} tabIndex={-1}>
          {heading ?? title}
        </h1>
        {lead && <div className="lead">{lead}</div>}
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

/** How long a page may load with no signal before it is said that it was not kept on this phone. */
const OFFLINE_PATIENCE_MS = 3_000;

/** A calm placeholder while something loads; the shapes are decoration, the words are read. */
export function Loading({ label = 'Loading…', lines = 3 }: { label?: string; lines?: number }) {
  // With no signal, a page kept on this phone opens at once; one still loading after a moment
  // never will, so say so rather than wait forever.
  const online = useOnlineNow();
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (online) return;
    const timer = window.setTimeout(() => setWaited(true), OFFLINE_PATIENCE_MS);
    return () => window.clearTimeout(timer);
  }, [online]);
  if (!online && waited) return <NotSavedOffline />;
  return (
    <div className="loading" role="status" aria-live="polite">
      <p className="loading-label">{label}</p>
      <div aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div className="skeleton" key={i} />
        ))}
      </div>
    </div>
  );
}

/** What to show when a page could not load: what happened and what to do. */
export function LoadError({
  error,
  notFound,
  what,
  onRetry,
  back,
}: {
  error?: unknown;
  /** Known to be missing (e.g. a keepsake that is not in its loved one's list). */
  notFound?: boolean;
  what: string;
  onRetry?: (() => void) | undefined;
  back?: { to: string; label: string };
}) {
  const gone = notFound === true || (isApiError(error) && error.status === 404);
  // No signal, and nothing of this kept on the phone: say so kindly, with what is kept.
  if (isApiError(error) && error.status === 0 && offlineNow()) return <NotSavedOffline />;
  return (
    <Notice tone="warm" title={gone ? `We could not find ${what}.` : `We could not load ${what} just now.`}>
      <p>{gone ? 'It may have been removed by someone in your family.' : messageOf(error)}</p>
      <div className="button-row">
        {!gone && onRetry && (
          <button type="button" className="button secondary" onClick={onRetry}>
            Try again
          </button>
        )}
        {back && (
          <Link className="button secondary" to={back.to}>
            {back.label}
          </Link>
        )}
      </div>
    </Notice>
  );
}

/** An empty list that invites the next step instead of looking broken. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
      {action && <div className="button-row">{action}</div>}
    </div>
  );
}
