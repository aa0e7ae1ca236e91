import { Link } from 'react-router';
import { Page } from '../components/Page.js';

export function NotFoundPage() {
  return (
    <Page title="Page not found" heading="We could not find that page">
      <p>The link may be old, or the page may have moved.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </Page>
  );
}
