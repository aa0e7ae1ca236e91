import { Link } from 'react-router';
import { Page } from '../../components/Page.js';

export function WelcomePage() {
  return (
    <Page
      title="Welcome"
      heading="Bring them along"
      lead={
        <p>
          Alongside helps your family keep the one you carry close: on every trip, in small rituals, and on
          the days that matter. It remembers the box of ashes when a busy morning might not.
        </p>
      }
    >
      <div className="welcome-hero">
        <div className="button-row">
          <Link className="button" to="/sign-up">
            Create your family
          </Link>
          <Link className="button secondary" to="/sign-in">
            Sign in
          </Link>
        </div>
        <p>
          Has someone in your family invited you? <Link to="/join">Join with an invite code</Link>.
        </p>
      </div>
      <section aria-labelledby="private-heading" className="card privacy">
        <h2 id="private-heading">Private to your family</h2>
        <p>
          What you add here is seen only by the people in your family who have an account. Nothing is public,
          nothing is sold, and nothing is shared unless you choose to share it — and a share can be taken
          back: a tribute’s private link stops working the moment you press “Stop this link” on{' '}
          <Link to="/loved-ones">the tribute’s own page</Link> (open the loved one, then their tributes).
        </p>
        <p>
          Alongside can run on your own home server, so your family&apos;s memories stay with you. You can
          take everything out again at any time: on <Link to="/settings/data">Your family’s data</Link> an
          owner or adult makes one file of the whole family, with its photos, to keep or to bring into another
          Alongside, and <Link to="/settings">Settings</Link> is where a family or an account is deleted.
        </p>
        <p className="meta">These pages open once you have signed in.</p>
      </section>
    </Page>
  );
}
