import { useId, useState } from 'react';
import type { Tribute } from '../../../contracts/tributes.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { Notice } from '../../components/Notice.js';
import { ApiError, messageOf } from '../../lib/api.js';
import { formatMoment } from '../../lib/format.js';
import { useMakeLink, useRevokeLink, useTributeLinks } from './mutations.js';

type Ending = 'never' | '7' | '30';
const endingWords: Record<Ending, string> = {
  never: 'Until we stop it',
  '7': 'For 7 days',
  '30': 'For 30 days',
};

/**
 * Private pages to send: an address only those who have it can open, not listed anywhere, which
 * the family can stop at once. The address is shown once, when it is made.
 */
export function ShareLinks({ tribute }: { tribute: Tribute }) {
  const links = useTributeLinks(tribute.id, true);
  const make = useMakeLink(tribute.id);
  const revoke = useRevokeLink(tribute.id);
  const [ending, setEnding] = useState<Ending>('never');
  const [password, setPassword] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const linkId = useId();

  const submit = async () => {
    setCopied(false);
    const answer = await make.mutateAsync({
      expiresInDays: ending === 'never' ? null : Number(ending),
      password: password || null,
    });
    setMade(answer.url);
    setPassword('');
  };
  const fieldErrors: Record<string, string> = make.error instanceof ApiError ? make.error.fields : {};

  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">A private page to send</h2>
      <p>
        A page with this tribute that only people with its link can open. It is not listed anywhere, search
        engines are asked to leave it alone, and you can stop it at any time.
      </p>
      <form
        className="stack card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit().catch(() => undefined);
        }}
      >
        {make.isError && !fieldErrors.password && <Notice tone="calm">{messageOf(make.error)}</Notice>}
        <RadioGroup<Ending>
          label="How long it works"
          name="ending"
          value={ending}
          onChange={setEnding}
          options={(['never', '7', '30'] as const).map((value) => ({ value, label: endingWords[value] }))}
        />
        <TextField
          label="A password"
          name="link-password"
          optional
          type="text"
          autoComplete="off"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          hint="If you set one, tell it to the people you send the link to. At least 8 characters."
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={make.isPending}>
            Make a link
          </button>
        </div>
      </form>
      {made && (
        <div className="card stack">
          <div className="field">
            <label className="field-label" htmlFor={linkId}>
              The link (shown this once)
            </label>
            <input id={linkId} name="made-link" type="text" value={made} readOnly />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button secondary"
              onClick={() => void navigator.clipboard?.writeText(made).then(() => setCopied(true))}
            >
              Copy the link
            </button>
          </div>
          <p aria-live="polite" className="meta">
            {copied ? 'The link is copied.' : ''}
          </p>
        </div>
      )}
      {links.data && links.data.links.length > 0 && (
        <ul className="card-list" aria-label="Links made">
          {links.data.links.map((link) => (
            <li key={link.id} className="card">
              <p>
                Made {formatMoment(link.createdAt)}
                {link.hasPassword && ' · with a password'}
                {link.expiresAt && !link.revokedAt && ` · works until ${formatMoment(link.expiresAt)}`}
              </p>
              {link.revokedAt ? (
                <p className="meta">Stopped {formatMoment(link.revokedAt)}. The page no longer opens.</p>
              ) : (
                <button
                  type="button"
                  className="button secondary"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(link.id)}
                >
                  Stop this link
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
