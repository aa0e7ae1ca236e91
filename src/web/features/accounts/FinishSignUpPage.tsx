import { Link, useNavigate } from 'react-router';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { useLinkToken } from './link-token.js';
import { useFinishSignUp } from './mutations.js';

/**
 * Finishes a sign-up with the link from the e-mail: the family is made and its owner signed in.
 * It waits for a press rather than acting on opening, so a mail program that opens links to check
 * them makes nothing.
 */
export function FinishSignUpPage() {
  const token = useLinkToken();
  const finish = useFinishSignUp();
  const navigate = useNavigate();

  return (
    <Page title="Finish creating your family">
      {!token ? (
        <Notice tone="warm" title="This page needs the link from your e-mail">
          <p>
            Please open the link in the e-mail again. If it is lost, you can{' '}
            <Link to="/sign-up">sign up again</Link>.
          </p>
        </Notice>
      ) : (
        <div className="stack">
          <FormNotice message={finish.isError ? messageOf(finish.error) : null} />
          <p>
            Thank you for confirming your e-mail address. Press the button and your family's space is ready.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={finish.isPending}
              onClick={() =>
                finish.mutate({ token }, { onSuccess: () => void navigate('/', { replace: true }) })
              }
            >
              {finish.isPending ? 'Creating your family…' : 'Create our family'}
            </button>
          </div>
        </div>
      )}
    </Page>
  );
}
