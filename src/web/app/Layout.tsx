import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import {
  BellIcon,
  CalendarIcon,
  HeartIcon,
  HomeIcon,
  LogoMark,
  SettingsIcon,
  TripIcon,
} from '../components/icons.js';
import type { Permission } from '../../contracts/permissions.js';
import { useInbox } from '../lib/queries.js';
import { useSignedIn } from './session.js';

// The offline banner and the outbox behind it load just after the first screen (from the service
// worker's copy when there is no signal), keeping them off the first screen's critical path.
const OfflineBanner = lazy(() => import('./OfflineBanner.js').then((m) => ({ default: m.OfflineBanner })));
// The family switcher asks which families this person is in, through the typed client, which loads
// on demand; until then (and for anyone in one family) the family's name stands there.
const FamilySwitcher = lazy(() => import('../features/family/FamilySwitcher.js'));

// The five places. On a phone they are a tab bar at the foot of the screen, as in an installed app;
// on a wider screen, a row under the header (styles.css, "frame").
// A place the member's role cannot read (a viewer's loved ones and trips) is left out.
const nav: Array<{ to: string; label: string; end: boolean; Icon: () => ReactNode; needs?: Permission }> = [
  { to: '/', label: 'Home', end: true, Icon: HomeIcon },
  { to: '/loved-ones', label: 'Loved ones', end: false, Icon: HeartIcon, needs: 'lovedOnes.read' },
  { to: '/trips', label: 'Trips', end: false, Icon: TripIcon, needs: 'trips.read' },
  { to: '/calendar', label: 'Calendar', end: false, Icon: CalendarIcon },
  { to: '/settings', label: 'Settings', end: false, Icon: SettingsIcon },
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
      <span className="reminders-label">Reminders</span>
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
  const { family, permissions } = useSignedIn();
  return (
    <div className="app-frame">
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <Brand />
          <div className="header-end">
            <Suspense
              fallback={
                <p className="family-name">
                  <span className="visually-hidden">Family: </span>
                  {family.name}
                </p>
              }
            >
              <FamilySwitcher />
            </Suspense>
            <RemindersLink />
          </div>
        </div>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {nav
              .filter(({ needs }) => !needs || permissions.includes(needs))
              .map(({ to, label, end, Icon }) => (
                <li key={to}>
                  <NavLink to={to} end={end}>
                    <Icon />
                    <span>{label}</span>
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
    </div>
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
