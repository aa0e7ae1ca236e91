import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { changePasswordBody, updateFamilyBody, type SessionResponse } from '../../../contracts/accounts.js';
import { useCan, useSignedIn, useSignOut } from '../../app/session.js';
import { Combobox } from '../../components/Combobox.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { messageOf } from '../../lib/api.js';
import { call, endpoints } from '../../lib/client.js';
import { sizeWords } from '../../lib/format.js';
import { keys } from '../../lib/queries.js';
import { countryChoices, countryName, withZone, zoneChoices } from '../../lib/places.js';
import { applyTheme, savedTheme, type ThemeChoice } from '../../lib/theme.js';
import { AccountDeletionSection } from '../deletion/AccountDeletionSection.js';
import { FamilyDeletionSection } from '../deletion/FamilyDeletionSection.js';
import { EmailSection } from './EmailSection.js';
import { useChangePassword, useUpdateFamily } from './mutations.js';
import { SessionsSection } from './SessionsSection.js';

export function SettingsPage() {
  const session = useSignedIn();
  const manage = useCan('family.manage');
  const seesRoom = useCan('media.read');
  return (
    <Page title="Settings">
      <section aria-labelledby="family-heading" className="card">
        <h2 id="family-heading">Your family</h2>
        {manage ? (
          <FamilyForm session={session} />
        ) : (
          <dl className="meta-list">
            <dt>Family name</dt>
            <dd>{session.family.name}</dd>
            <dt>Home time zone</dt>
            <dd>{session.family.homeZone}</dd>
            {session.family.country && (
              <>
                <dt>Country</dt>
                <dd>{countryName(session.family.country)}</dd>
              </>
            )}
          </dl>
        )}
      </section>
      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">Family members</h2>
        <p>Who is in the family and what each can do. Invite the other parent, a teen, or a grandparent.</p>
        <Link className="button secondary small" to="/family">
          Members and invites
        </Link>
      </section>
      <section aria-labelledby="reminders-heading" className="card">
        <h2 id="reminders-heading">Reminders</h2>
        <p>Which days you are reminded of, when, and whether in the app or by e-mail.</p>
        <Link className="button secondary small" to="/settings/reminders">
          Reminder settings
        </Link>
      </section>
      <section aria-labelledby="data-heading" className="card">
        <h2 id="data-heading">Your family’s data</h2>
        <p>
          Take all of your family’s data with you as one file, or bring a family here from another Alongside.
        </p>
        <Link className="button secondary small" to="/settings/data">
          Your family’s data
        </Link>
      </section>
      <ThemeSection />
      <AccountSection session={session} />
      <EmailSection session={session} />
      <PasswordSection />
      {/* Everything below fills in after the page shows; nothing above it may wait for an answer, or
          the forms would move under a finger (e2e/change-email.e2e.ts reads their place per frame). */}
      {seesRoom && <RoomSection />}
      <SessionsSection />
      <AccountDeletionSection session={session} />
      <FamilyDeletionSection session={session} />
    </Page>
  );
}

function FamilyForm({ session }: { session: SessionResponse }) {
  const updateFamily = useUpdateFamily();
  const zones = useMemo(() => withZone(zoneChoices(), session.family.homeZone), [session.family.homeZone]);
  const countries = useMemo(() => countryChoices(), []);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: {
      name: session.family.name,
      homeZone: session.family.homeZone,
      country: session.family.country ?? '',
    },
    schema: updateFamilyBody,
    toBody: (v) => ({ ...v, country: v.country || null }),
    onSubmit: async (body) => {
      setSaved(false);
      await updateFamily.mutateAsync(body);
      setSaved(true);
    },
  });
  return (
    <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
      <FormNotice message={form.message} />
      <TextField
        label="Family name"
        name="name"
        value={form.values.name}
        onChange={(v) => {
          setSaved(false);
          form.set('name')(v);
        }}
        error={form.errors.name}
      />
      <Combobox
        label="Home time zone"
        name="homeZone"
        value={form.values.homeZone}
        onChange={(v) => {
          setSaved(false);
          form.set('homeZone')(v);
        }}
        choices={zones}
        error={form.errors.homeZone}
        hint="New journeys start in this zone; you can change it for each departure."
      />
      <Combobox
        label="Country you live in"
        name="country"
        optional
        value={form.values.country}
        onChange={(v) => {
          setSaved(false);
          form.set('country')(v);
        }}
        choices={countries}
        error={form.errors.country}
        hint="Helps with the days of remembrance and support near you."
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.submitting}>
          Save family details
        </button>
      </div>
      <p role="status" className="meta">
        {saved ? 'Saved.' : ''}
      </p>
    </form>
  );
}

/**
 * The family's room for photos, drawings and voice notes, set by whoever runs this Alongside: how
 * much is used, plainly, with no bar or colour that could alarm. It goes down when something is
 * removed (a loved one deleted takes their pictures and recordings with them).
 */
function RoomSection() {
  const usage = useQuery({ queryKey: keys.mediaUsage, queryFn: () => call(endpoints.media.usage) });
  return (
    <section aria-labelledby="room-heading" className="card">
      <h2 id="room-heading">Room for photos and recordings</h2>
      {usage.data ? (
        <p>
          Photos, drawings and voice notes take {sizeWords(usage.data.usedBytes)} of your family’s{' '}
          {sizeWords(usage.data.quotaBytes)}.
        </p>
      ) : (
        <p className="meta">{usage.isError ? 'This can’t be read just now.' : 'Reading…'}</p>
      )}
    </section>
  );
}

function ThemeSection() {
  const [theme, setTheme] = useState<ThemeChoice>(savedTheme);
  return (
    <section aria-labelledby="theme-heading" className="card">
      <h2 id="theme-heading">Light or dark</h2>
      <RadioGroup<ThemeChoice>
        label="Colours"
        name="theme"
        hint="Kept on this device only."
        value={theme}
        onChange={(choice) => {
          setTheme(choice);
          applyTheme(choice);
        }}
        options={[
          { value: 'system', label: 'Match this device' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
      />
    </section>
  );
}

function AccountSection({ session }: { session: SessionResponse }) {
  const signOut = useSignOut();
  return (
    <section aria-labelledby="account-heading" className="card">
      <h2 id="account-heading">Your account</h2>
      <dl className="meta-list">
        <dt>Name</dt>
        <dd>{session.user.displayName}</dd>
        <dt>E-mail</dt>
        <dd>{session.user.email}</dd>
      </dl>
      {signOut.isError && (
        <Notice tone="warm" alert>
          {messageOf(signOut.error)}
        </Notice>
      )}
      <button
        type="button"
        className="button secondary"
        disabled={signOut.isPending || signOut.isSuccess}
        onClick={() => signOut.mutate()}
      >
        Sign out
      </button>
      <p className="meta">
        Signing out also removes the copy of your family&apos;s trips kept on this device.
      </p>
    </section>
  );
}

/** Changing one's own password; every other device signed in to the account is signed out. */
function PasswordSection() {
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const form = useForm({
    initial: { currentPassword: '', newPassword: '' },
    schema: changePasswordBody,
    toBody: (v) => v,
    onSubmit: async (body, { setValues }) => {
      setDone(false);
      await change.mutateAsync(body);
      setValues({ currentPassword: '', newPassword: '' });
      setDone(true);
    },
  });
  return (
    <section aria-labelledby="password-heading" className="card">
      <h2 id="password-heading">Your password</h2>
      <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <FormNotice message={form.message} />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={form.values.currentPassword}
          onChange={(v) => {
            setDone(false);
            form.set('currentPassword')(v);
          }}
          error={form.errors.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={form.values.newPassword}
          onChange={(v) => {
            setDone(false);
            form.set('newPassword')(v);
          }}
          error={form.errors.newPassword}
          hint="At least 10 characters; a short sentence works well."
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.submitting}>
            Change password
          </button>
        </div>
        <p role="status" className="meta">
          {done
            ? 'Your password is changed. Any other device signed in to your account has been signed out.'
            : ''}
        </p>
      </form>
    </section>
  );
}
