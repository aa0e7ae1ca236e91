import { Link } from 'react-router';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { useLinkToken } from './link-token.js';
import { useConfirmEmail } from './mutations.js';

/**
 * Confirms a new e-mail address with the link from the e-mail. It waits for a press rather than
 * confirming on opening, so a mail program that opens links to check them changes nothing.
 */
export function ConfirmEmailPage() {
  const token = useLinkToken();
  const confirm = useConfirmEmail();

  return (
    <Page title="Confirm your new e-mail address">
      {!token ? (
        <Notice tone="warm" title="This page needs the link from your e-mail">
          <p>Please open the link in the e-mail again. You can ask for a new one in Settings.</p>
        </Notice>
      ) : confirm.isSuccess ? null : (
        <div className="stack">
          <FormNotice message={confirm.isError ? messageOf(confirm.error) : null} />
          <p>Press the button to start using this address for Alongside.</p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate({ token })}
            >
              {confirm.isPending ? 'Confirming…' : 'Confirm my new address'}
            </button>
          </div>
        </div>
      )}
      <div role="status">
        {confirm.isSuccess && (
          <Notice tone="done" title="Done">
            <p>{confirm.data.message}</p>
          </Notice>
        )}
      </div>
      {confirm.isSuccess && (
        <p>
          <Link to="/">Go to Alongside</Link>
        </p>
      )}
    </Page>
  );
}
