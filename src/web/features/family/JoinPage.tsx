import { useContext, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { email, text } from '../../../contracts/fields.js';
import { password } from '../../../contracts/accounts.js';
import type { InvitePreviewResponse } from '../../../contracts/family.js';
import { SessionContext } from '../../app/session.js';
import { TextField } from '../../components/fields.js';
import { ExistingPersonFields, NewPersonFields } from '../../components/PersonFields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { LoadError, Loading, Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { isApiError, messageOf } from '../../lib/api.js';
import { formatInstant } from '../../lib/format.js';
import { useTokenFromAddress } from '../../lib/link-token.js';
import { useInvitePreview, useJoin, useJoinAsNew, useJoinWithAccount } from './mutations.js';
import { asRole } from './words.js';

// Reached by an invite's link (`/join#token=…`) or by typing its code. The token is taken out of the
// address bar once the page is on screen, as with e-mailed links (lib/link-token.ts), and kept only
// in this page's memory. Someone not signed in joins as someone new, or with the e-mail and password
// of the account they have.

export function JoinPage() {
  const fromAddress = useTokenFromAddress(/^[A-Za-z0-9_-]{43}$/);
  const [secret, setSecret] = useState<string | null>(fromAddress);
  const preview = useInvitePreview(secret);

  if (!secret) return <CodeForm onCode={setSecret} />;
  if (preview.isPending) {
    return (
      <Page title="Your invite">
        <Loading label="Opening your invite…" lines={2} />
      </Page>
    );
  }
  if (preview.isError) {
    if (isApiError(preview.error) && preview.error.status === 404) {
      return <CodeForm onCode={setSecret} notFound={messageOf(preview.error)} />;
    }
    return (
      <Page title="Your invite">
        <LoadError error={preview.error} what="your invite" onRetry={() => void preview.refetch()} />
      </Page>
    );
  }
  const invite = preview.data;
  if (invite.status !== 'open') return <ClosedInvite invite={invite} />;
  return <OpenInvite invite={invite} secret={secret} />;
}

const codeForm = z.object({ code: text('the invite code', 200) });

function CodeForm({ onCode, notFound }: { onCode: (code: string) => void; notFound?: string }) {
  const form = useForm({
    initial: { code: '' },
    schema: codeForm,
    toBody: (v) => v,
    onSubmit: async ({ code }) => onCode(code),
  });
  return (
    <Page
      title="Join a family"
      lead={
        <p>If someone read you an invite code, type it here. Capital letters and dashes do not matter.</p>
      }
    >
      {notFound && (
        <Notice tone="warm" title="We could not find that invite">
          <p>{notFound}</p>
        </Notice>
      )}
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="Invite code"
          name="code"
          autoComplete="off"
          value={form.values.code}
          onChange={form.set('code')}
          error={form.errors.code}
          hint="It looks like KQ7M-XH3D-R9TP. You can paste the whole link here too."
        />
        <div className="form-actions">
          <button type="submit" className="button">
            Open the invite
          </button>
        </div>
      </form>
    </Page>
  );
}

function ClosedInvite({ invite }: { invite: InvitePreviewResponse }) {
  const signedIn = useContext(SessionContext) !== null;
  const why = {
    used: 'This invite has already been used.',
    expired: `This invite ended on ${formatInstant(invite.expiresAt)}.`,
    revoked: 'This invite was taken back.',
  }[invite.status as 'used' | 'expired' | 'revoked'];
  return (
    <Page title={`Joining ${invite.familyName}`}>
      <Notice tone="warm" title={why}>
        <p>
          Please ask {invite.invitedBy} for a new one; it only takes them a moment. Nothing has changed for
          you.
        </p>
      </Notice>
      <p>
        <Link className="button secondary" to="/">
          {signedIn ? 'Back to your family' : 'Go to Alongside'}
        </Link>
      </p>
    </Page>
  );
}

function OpenInvite({ invite, secret }: { invite: InvitePreviewResponse; secret: string }) {
  const session = useContext(SessionContext);
  const title = `Join ${invite.familyName}`;
  const lead = (
    <p>
      {invite.invitedBy} has invited you to join {invite.familyName} on Alongside, {asRole[invite.role]}.
    </p>
  );
  if (session && invite.alreadyMember) {
    return (
      <Page title={title} lead={lead}>
        <Notice title={`You are already part of ${invite.familyName}.`}>
          <p>You can move between your families from the top of any page.</p>
        </Notice>
      </Page>
    );
  }
  return (
    <Page title={title} lead={lead}>
      {session ? (
        <JoinSignedIn secret={secret} familyName={invite.familyName} />
      ) : (
        <JoinAsNew secret={secret} />
      )}
    </Page>
  );
}

function JoinSignedIn({ secret, familyName }: { secret: string; familyName: string }) {
  const join = useJoin();
  const navigate = useNavigate();
  const session = useContext(SessionContext)!;
  return (
    <div className="stack">
      <p>
        You are signed in as {session.user.displayName}. You stay part of {session.family.name}, and can move
        between your families from the top of any page.
      </p>
      {join.isError && (
        <Notice tone="warm" alert>
          <p>{messageOf(join.error)}</p>
        </Notice>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={join.isPending}
          onClick={() =>
            void join.mutateAsync(secret).then(
              () => navigate('/', { replace: true }),
              () => undefined,
            )
          }
        >
          {join.isPending ? 'Joining…' : `Join ${familyName}`}
        </button>
      </div>
    </div>
  );
}

const newPersonForm = z.object({ displayName: text('your name', 80), email, password });

function JoinAsNew({ secret }: { secret: string }) {
  const join = useJoinAsNew();
  const navigate = useNavigate();
  const form = useForm({
    initial: { displayName: '', email: '', password: '' },
    schema: newPersonForm,
    toBody: (v) => v,
    onSubmit: async (body) => {
      await join.mutateAsync({ ...body, invite: secret });
      await navigate('/', { replace: true });
    },
  });
  const { values, set, errors } = form;
  return (
    <div className="stack">
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <h2>New to Alongside?</h2>
        <FormNotice message={form.message} />
        <NewPersonFields
          values={values}
          set={set}
          errors={errors}
          nameHint="How the family will see you, for example Sam or Grandma."
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Joining…' : 'Join the family'}
          </button>
        </div>
      </form>
      <JoinWithAccount secret={secret} />
    </div>
  );
}

const accountForm = z.object({
  email,
  password: z.string({ error: 'Please give your password.' }).min(1, 'Please give your password.'),
});

function JoinWithAccount({ secret }: { secret: string }) {
  const join = useJoinWithAccount();
  const navigate = useNavigate();
  const form = useForm({
    initial: { email: '', password: '' },
    schema: accountForm,
    toBody: (v) => v,
    onSubmit: async (body) => {
      await join.mutateAsync({ ...body, invite: secret });
      await navigate('/', { replace: true });
    },
  });
  const { values, set, errors } = form;
  return (
    <section aria-labelledby="have-account-heading" className="card">
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <h2 id="have-account-heading">Already on Alongside?</h2>
        <p>Sign in with your account to join. You stay part of any family you are in already.</p>
        <FormNotice message={form.message} />
        <ExistingPersonFields
          values={values}
          set={set}
          errors={errors}
          labels={{ email: 'Your e-mail address', password: 'Your password' }}
          names={{ email: 'existingEmail', password: 'existingPassword' }}
        />
        <div className="form-actions">
          <button type="submit" className="button secondary" disabled={form.submitting}>
            {form.submitting ? 'Joining…' : 'Sign in and join'}
          </button>
        </div>
      </form>
    </section>
  );
}
