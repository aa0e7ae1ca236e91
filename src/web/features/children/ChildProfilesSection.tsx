import { useState } from 'react';
import type { ChildProfile } from '../../../contracts/children.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { LoadError, Loading } from '../../components/Page.js';
import { isApiError, messageOf } from '../../lib/api.js';
import {
  useChildProfiles,
  useCreateChildProfile,
  useHandOver,
  useRemoveChildProfile,
  useUpdateChildProfile,
} from './mutations.js';

// Children without a login of their own: a name only, no e-mail, no password. A grown-up hands their
// phone (or the family's) over in child mode, choosing a PIN to leave it with.

const fieldOf = (error: unknown, field: string): string | undefined =>
  error ? (isApiError(error) && error.fields[field]) || messageOf(error) : undefined;

export function ChildProfilesSection() {
  const profiles = useChildProfiles();
  return (
    <section aria-labelledby="children-heading" className="card stack">
      <h2 id="children-heading">Children without their own login</h2>
      <p className="meta">
        A child profile has a name only: no e-mail and no password. Hand your phone to the child in child
        mode: they see only the trip’s keepsake check, and a grown-up always makes the final check. You leave
        child mode with a PIN you choose, or your password.
      </p>
      {profiles.isPending ? (
        <Loading label="Loading children…" lines={1} />
      ) : profiles.isError ? (
        <LoadError error={profiles.error} what="the children" onRetry={() => void profiles.refetch()} />
      ) : (
        profiles.data.profiles.length > 0 && (
          <ul className="family-list">
            {profiles.data.profiles.map((profile) => (
              <ChildProfileItem key={profile.id} profile={profile} />
            ))}
          </ul>
        )
      )}
      <AddChildProfile />
    </section>
  );
}

function AddChildProfile() {
  const create = useCreateChildProfile();
  const [name, setName] = useState('');
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(name, { onSuccess: () => setName('') });
      }}
    >
      <TextField
        label="Child’s name"
        name="childName"
        value={name}
        onChange={setName}
        maxLength={60}
        error={fieldOf(create.error, 'displayName')}
      />
      <p>
        <button type="submit" className="button secondary" disabled={create.isPending}>
          Add a child profile
        </button>
      </p>
    </form>
  );
}

function ChildProfileItem({ profile }: { profile: ChildProfile }) {
  const handOver = useHandOver();
  const remove = useRemoveChildProfile();
  const [dialog, ask] = useConfirm();
  const [pin, setPin] = useState('');
  const name = profile.displayName;
  return (
    <li className="stack">
      {dialog}
      <p>
        <strong>{name}</strong> · Child profile
      </p>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          handOver.mutate({ childProfileId: profile.id, pin });
        }}
      >
        <TextField
          label={`PIN to leave child mode (for ${name})`}
          name={`pin-${profile.id}`}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={setPin}
          hint="4 to 8 digits. You will need it, or your password, to take the phone back."
          error={fieldOf(handOver.error, 'pin')}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={handOver.isPending}>
            Hand this phone to {name}
          </button>
          <button
            type="button"
            className="button quiet"
            disabled={remove.isPending}
            onClick={() =>
              void ask({
                title: `Remove ${name}’s profile?`,
                body: `If a phone is in child mode for ${name}, it is signed out.`,
                confirmLabel: 'Remove',
              }).then((yes) => yes && remove.mutate(profile.id))
            }
          >
            Remove {name}
          </button>
        </div>
        {remove.isError && <FormNotice message={messageOf(remove.error)} />}
      </form>
      <BirthMonth profile={profile} />
    </li>
  );
}

/** Optional, asked gently: the month and year are enough to put an age on a child's drawings. */
function BirthMonth({ profile }: { profile: ChildProfile }) {
  const update = useUpdateChildProfile();
  const [month, setMonth] = useState(profile.birthMonth ?? '');
  const name = profile.displayName;
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ childProfileId: profile.id, birthMonth: month || null });
      }}
    >
      <TextField
        label={`The month and year ${name} was born`}
        name={`born-${profile.id}`}
        type="month"
        optional
        value={month}
        onChange={setMonth}
        hint={`Only if you would like ${name}’s drawings to show their age. Leave it empty if not.`}
        error={fieldOf(update.error, 'birthMonth')}
      />
      <div className="button-row">
        <button type="submit" className="button secondary" disabled={update.isPending}>
          Save
        </button>
      </div>
      <div role="status">{update.isSuccess && !update.isPending && <p className="meta">Saved.</p>}</div>
    </form>
  );
}
