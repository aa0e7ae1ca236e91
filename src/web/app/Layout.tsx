import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { BellIcon, LogoMark } from '../components/icons.js';
import { useInbox } from '../lib/queries.js';
import { useSignedIn } from './session.js';

// The offline banner and the outbox behind it load just after the first screen (from the service
// worker's copy when there is no signal), keeping them off the first screen's critical path.
const OfflineBanner = lazy(() => import('./OfflineBanner.js').then((m) => ({ default: m.OfflineBanner })));

const nav = [
  { to: '/', label: 'Home', end: true },
  { to: '/loved-ones', label: 'Loved ones', end: false },
  { to: '/trips', label: 'Trips', end: false },
  { to: '/calendar', label: 'Calendar', end: false },
  { to: '/settings', label: 'Settings', end: false },
];

function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

function Brand() {
  return (
    <Link to="/" className="brand">
      <LogoMark />
      <span>Alongside</span>
    </Link>
  );
}

/** The way to the reminders, with how many are new (a count, never a red badge). */
function RemindersLink() {
  const inbox = useInbox();
  const unread = inbox.data?.unread ?? 0;
  return (
    <NavLink to="/reminders" className="reminders-link">
      <BellIcon />
      <span>Reminders</span>
      {unread > 0 && (
        <span className="count">
          {unread}
          <span className="visually-hidden"> new</span>
        </span>
      )}
    </NavLink>
  );
}

/** The signed-in frame: the family's name, reminders, the five places, and the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { family } = useSignedIn();
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <Brand />
          <div className="header-end">
            <p className="family-name">
              <span className="visually-hidden">Family: </span>
              {family.name}
            </p>
            <RemindersLink />
          </div>
        </div>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={null}>
          <OfflineBanner />
        </Suspense>
        {children}
      </main>
      <footer className="site-footer">
        <p>Private to your family. Nothing here is shared unless you choose to share it.</p>
      </footer>
    </>
  );
}

/** The frame before signing in: just the name and the page. */
export function PlainLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header plain">
        <div className="header-inner">
          <Brand />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
