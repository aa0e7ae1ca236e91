import { Component, useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { LogoMark } from '../components/icons.js';
import { Notice } from '../components/Notice.js';
import { Page } from '../components/Page.js';
import { offlineNow, useOnlineNow } from '../lib/online.js';
import { NotSavedOffline } from './NotSavedOffline.js';

// What shows instead of a blank screen when a page fails to draw (a bug, or a part of the app that
// could not be loaded after an update). Each route has its own boundary inside the app's frame, so
// the header and menu stay and the rest of the app still works; the root one catches the frame.

export const SOMETHING_WENT_WRONG = 'Something went wrong showing this page.';

interface State {
  failed: boolean;
}

interface Props {
  children: ReactNode;
  /** What to show when drawing failed; `retry` draws the children again. */
  fallback: (retry: () => void) => ReactNode;
}

class Boundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  private readonly retry = () => this.setState({ failed: false });

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}

/**
 * One route's boundary: the page is replaced by a calm note, inside the app's frame. Going to
 * another address (another trip, say) draws afresh.
 */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Boundary
      key={pathname}
      fallback={(retry) =>
        // With no signal, a page whose code was never kept on this phone cannot load: say that.
        offlineNow() ? (
          <OfflineFallback retry={retry} />
        ) : (
          <Page title="Something went wrong" heading={SOMETHING_WENT_WRONG}>
            <Notice tone="warm">
              <p>It is not something you did. Please try again, or go back to the home page.</p>
              <div className="button-row">
                <button type="button" className="button" onClick={retry}>
                  Try again
                </button>
                <Link className="button secondary" to="/">
                  Go to the home page
                </Link>
              </div>
            </Notice>
          </Page>
        )
      }
    >
      {children}
    </Boundary>
  );
}

/** A page whose code could not load with no signal; it draws again once the signal is back. */
function OfflineFallback({ retry }: { retry: () => void }) {
  const online = useOnlineNow();
  useEffect(() => {
    if (online) retry();
  }, [online, retry]);
  return (
    <Page title="Offline" heading="This page isn’t on this phone yet">
      <NotSavedOffline />
    </Page>
  );
}

/**
 * The last boundary, around the whole app: the frame itself failed, so it draws a plain one. Trying
 * again loads the app afresh (whatever failed may have been a part that did not load).
 */
export function RootBoundary({ children }: { children: ReactNode }) {
  return (
    <Boundary
      fallback={() => (
        <>
          <header className="site-header plain">
            <div className="header-inner">
              <a href="/" className="brand">
                <LogoMark />
                <span>Alongside</span>
              </a>
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            <div className="page">
              <div className="page-head">
                <h1>{SOMETHING_WENT_WRONG}</h1>
              </div>
              <Notice tone="warm">
                <p>It is not something you did. Please try again, or go back to the home page.</p>
                <div className="button-row">
                  <button type="button" className="button" onClick={() => window.location.reload()}>
                    Try again
                  </button>
                  <a className="button secondary" href="/">
                    Go to the home page
                  </a>
                </div>
              </Notice>
            </div>
          </main>
        </>
      )}
    >
      {children}
    </Boundary>
  );
}
