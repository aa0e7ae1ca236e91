import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { LogoMark } from '../components/icons.js';
import { useSignedIn } from './session.js';

const nav = [
  { to: '/', label: 'Home', end: true },
  { to: '/loved-ones', label: 'Loved ones', end: false },
  { to: '/trips', label: 'Trips', end: false },
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

/** The signed-in frame: the family's name, the four places, and the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { family } = useSignedIn();
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <Brand />
          <p className="family-name">
            <span className="visually-hidden">Family: </span>
            {family.name}
          </p>
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
