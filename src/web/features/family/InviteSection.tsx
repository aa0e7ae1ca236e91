import { useState } from 'react';
import {
  createInviteBody,
  MAX_INVITE_USES,
  type CreatedInviteResponse,
  type Invite,
  type InviteRole,
} from '../../../contracts/family.js';
import { useSignedIn } from '../../app/session.js';
import { RadioGroup, TextField } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { LoadError, Loading } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { messageOf } from '../../lib/api.js';
import { formatInstant, listWords } from '../../lib/format.js';
import { useCreateInvite, useInvites, useRevokeInvite } from './mutations.js';
import { inviteRoleChoices, roleNames, statusWords } from './words.js';

// Inviting someone: the form, the link and code shown once (only their hashes are kept, so they
// cannot be shown again), and the family's invites with who joined through each.

export function InviteSection() {
  const [created, setCreated] = useState<CreatedInviteResponse | null>(null);
  return (
    <section aria-labelledby="invite-heading" className="card stack">
      <h2 id="invite-heading">Invite someone</h2>
      {created ? (
        <CreatedInvite created={created} onDone={() => setCreated(null)} />
      ) : (
        <InviteForm onCreated={setCreated} />
      )}
      <InviteList />
    </section>
  );
}

function InviteForm({ onCreated }: { onCreated: (created: CreatedInviteResponse) => void }) {
  const create = useCreateInvite();
  const form = useForm({
    initial: {
      role: 'adult' as InviteRole,
      forName: '',
      several: false,
      maxUses: '3',
      expiresInDays: '7',
    },
    schema: createInviteBody,
    toBody: (v) => ({
      role: v.role,
      forName: v.forName,
      maxUses: v.several ? Number(v.maxUses) : 1,
      expiresInDays: Number(v.expiresInDays),
    }),
    onSubmit: async (body) => onCreated(await create.mutateAsync(body)),
  });
  const { values, set, errors } = form;
  return (
    <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
      <FormNotice message={form.message} />
      <RadioGroup<InviteRole>
        label="Who is it for?"
        name="role"
        value={values.role}
        onChange={set('role')}
        options={inviteRoleChoices}
        error={errors.role}
      />
      <TextField
        label="Their name"
        name="forName"
        optional
        value={values.forName}
        onChange={set('forName')}
        error={errors.forName}
        hint="Only for your list of invites. They choose the name the family sees."
      />
      <RadioGroup<'one' | 'several'>
        label="How many people may join with it?"
        name="several"
        value={values.several ? 'several' : 'one'}
        onChange={(v) => set('several')(v === 'several')}
        options={[
          { value: 'one', label: 'One person' },
          { value: 'several', label: 'Several people', hint: 'For grandparents, aunts and uncles, say.' },
        ]}
      />
      {values.several && (
        <TextField
          label="Up to how many people?"
          name="maxUses"
          type="number"
          inputMode="numeric"
          min="2"
          max={String(MAX_INVITE_USES)}
          value={values.maxUses}
          onChange={set('maxUses')}
          error={errors.maxUses}
        />
      )}
      <TextField
        label="For how many days does it work?"
        name="expiresInDays"
        type="number"
        inputMode="numeric"
        min="1"
        max="30"
        value={values.expiresInDays}
        onChange={set('expiresInDays')}
        error={errors.expiresInDays}
        hint="A week is usual. You can take an invite back at any time."
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Making the invite…' : 'Make an invite'}
        </button>
      </div>
    </form>
  );
}

function CreatedInvite({ created, onDone }: { created: CreatedInviteResponse; onDone: () => void }) {
  const { family } = useSignedIn();
  const who = created.invite.forName ?? 'someone';
  return (
    <div className="stack">
      <Notice tone="done" title={`Invite ${who} to the family`}>
        <p>
          Send the link, or read out the code over the phone. It works until{' '}
          {formatInstant(created.invite.expiresAt, family.homeZone)}
          {created.invite.maxUses > 1 ? `, for up to ${created.invite.maxUses} people` : ', for one person'}.
        </p>
        <p>
          We show the link and the code only now, and keep no copy of them. If they are lost, you can make a
          new invite in a moment.
        </p>
      </Notice>
      <CopyField label="Link" value={created.link} />
      <CopyField label="Code" value={created.code} />
      <div className="button-row">
        <button type="button" className="button secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function CopyField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const id = `copy-${label.toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="copy-row">
        <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            navigator.clipboard.writeText(value).then(
              () => setCopied('yes'),
              () => setCopied('no'),
            );
          }}
        >
          Copy {label.toLowerCase()}
        </button>
      </div>
      <p role="status" className="meta">
        {copied === 'yes'
          ? `${label} copied.`
          : copied === 'no'
            ? 'Please select it and copy it yourself.'
            : ''}
      </p>
    </div>
  );
}

function InviteList() {
  const invites = useInvites();
  if (invites.isPending) return <Loading label="Loading invites…" lines={2} />;
  if (invites.isError)
    return <LoadError error={invites.error} what="the invites" onRetry={() => void invites.refetch()} />;
  if (invites.data.invites.length === 0) return null;
  return (
    <div className="stack">
      <h3>Invites</h3>
      <ul className="family-list">
        {invites.data.invites.map((invite) => (
          <InviteItem key={invite.id} invite={invite} />
        ))}
      </ul>
    </div>
  );
}

function InviteItem({ invite }: { invite: Invite }) {
  const { family } = useSignedIn();
  const revoke = useRevokeInvite();
  const title = `${invite.forName ? `For ${invite.forName}` : 'Invite'} · ${roleNames[invite.role]}`;
  return (
    <li className="invite-item">
      <p>
        <strong>{title}</strong> <span className="meta">({statusWords[invite.status]})</span>
      </p>
      <p className="meta">
        Used by {invite.uses} of {invite.maxUses}.{' '}
        {invite.status === 'open'
          ? `Works until ${formatInstant(invite.expiresAt, family.homeZone)}.`
          : invite.status === 'expired'
            ? `Ended ${formatInstant(invite.expiresAt, family.homeZone)}.`
            : invite.status === 'revoked' && invite.revokedAt
              ? `Taken back ${formatInstant(invite.revokedAt, family.homeZone)}.`
              : ''}{' '}
        Made by {invite.createdBy}.
      </p>
      {invite.joined.length > 0 && (
        <p>Joined through it: {listWords(invite.joined.map((j) => j.displayName))}.</p>
      )}
      {invite.status === 'open' && (
        <div className="button-row">
          <button
            type="button"
            className="button secondary small"
            disabled={revoke.isPending && revoke.variables === invite.id}
            onClick={() => revoke.mutate(invite.id)}
          >
            Take back{invite.forName ? ` ${invite.forName}’s invite` : ' this invite'}
          </button>
        </div>
      )}
      {revoke.isError && revoke.variables === invite.id && (
        <p role="alert" className="meta">
          {messageOf(revoke.error)}
        </p>
      )}
    </li>
  );
}
