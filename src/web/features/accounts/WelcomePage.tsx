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
          back.
        </p>
        <p>
          Alongside can run on your own home server, so your family&apos;s memories stay with you. You can
          take everything out again at any time.
        </p>
      </section>
    </Page>
  );
}
