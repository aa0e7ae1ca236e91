import { useId, useState, type FormEvent } from 'react';
import type { FamilyImport, ImportResponse } from '../../../contracts/family-archive.js';
import type { CreatedInviteResponse, InviteRole } from '../../../contracts/family.js';
import type { Role } from '../../../contracts/permissions.js';
import { useSignedIn } from '../../app/session.js';
import { FieldMessage } from '../../components/fields.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { messageOf } from '../../lib/api.js';
import { formatInstant } from '../../lib/format.js';
import { useCreateInvite, useSwitchFamily } from '../family/mutations.js';
import { useImportFamily, useImports } from './mutations.js';

// Bringing a family here: the upload (checked at once: a damaged or hostile archive is refused with
// its reason), then the family coming in, in the background (the list follows it, so leaving the
// page and coming back finds it), then what came in, or a kind word that nothing did. Invites are
// secrets kept only as hashes: those with an account here were e-mailed theirs; for the others the
// importer makes one here, in the new family, and sees it once.

export function ImportSection() {
  const headingId = useId();
  const imports = useImports();
  const list = imports.data?.imports ?? [];
  return (
    <section aria-labelledby={headingId} className="card stack">
      <h2 id={headingId}>Bring a family here</h2>
      <p>
        Choose the zip file a family’s archive came in, from this or another Alongside. The family comes in as
        a new family, with you as its owner; the family you are in now is not changed.
      </p>
      <p className="meta">
        The other members are invited to join it (nobody is added without saying yes), and what each of them
        did keeps their name. Share links and calendar addresses are made new.
      </p>
      {list.length > 0 && (
        <ul className="card-list">
          {list.map((item) => (
            <li key={item.id} className="card">
              <ImportCard item={item} />
            </li>
          ))}
        </ul>
      )}
      <ImportForm />
    </section>
  );
}

function ImportForm() {
  const fileId = useId();
  const importing = useImportFamily();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setMissing(true);
    importing.mutate(file);
  };
  return (
    <form className="stack" noValidate onSubmit={submit}>
      {importing.isError && <FormNotice message={messageOf(importing.error)} />}
      <div className="field">
        <label className="field-label" htmlFor={fileId}>
          The archive (a .zip file)
        </label>
        <input
          id={fileId}
          name="archive"
          type="file"
          accept=".zip,application/zip"
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${fileId}-error` : undefined}
          onChange={(e) => {
            setMissing(false);
            setFile(e.currentTarget.files?.[0] ?? null);
          }}
        />
        <FieldMessage
          id={`${fileId}-error`}
          error={missing ? 'Please choose the zip file of a family’s archive.' : undefined}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={importing.isPending}>
          Import the family
        </button>
      </div>
      {importing.isPending && (
        <p role="status">Sending the archive and looking it over. A large one takes a few minutes to send.</p>
      )}
    </form>
  );
}

function ImportCard({ item }: { item: FamilyImport }) {
  switch (item.state) {
    case 'queued':
    case 'working':
      return (
        <div role="status" className="stack">
          <h3 className="card-title">Bringing in {item.familyName}</h3>
          {item.state === 'working' && item.filesTotal > 0 ? (
            <>
              <p>
                Brought in {item.filesDone} of {item.filesTotal} photos, recordings and books.
              </p>
              <progress
                max={item.filesTotal}
                value={item.filesDone}
                aria-label={`Bringing in ${item.familyName}`}
              />
            </>
          ) : (
            <p>Getting ready to bring it in…</p>
          )}
          <p className="meta">
            It carries on while you do other things; you can leave this page and come back. If this Alongside
            sends e-mail, we will write when it is here.
          </p>
        </div>
      );
    case 'failed':
      return (
        <Notice title={`${item.familyName} did not come in`}>
          <p>{item.message ?? 'Nothing was imported.'}</p>
          <p className="meta">Asked {formatInstant(item.createdAt)}. Your own family is just as it was.</p>
        </Notice>
      );
    case 'done':
      return item.result ? <Imported answer={item.result} /> : null;
  }
}

const inviteRoleOf = (role: Role): InviteRole => (role === 'owner' ? 'adult' : role);

function Imported({ answer }: { answer: ImportResponse }) {
  const open = useSwitchFamily();
  const { family } = useSignedIn();
  const here = family.id === answer.family.id;
  const others = answer.invited.filter((m) => !m.emailed);
  const emailed = answer.invited.filter((m) => m.emailed);
  return (
    <div className="stack">
      <Notice title={`${answer.family.name} is here`}>
        <p>Everything in the archive came in. You are its owner.</p>
      </Notice>
      {answer.notes.length > 0 && (
        <ul>
          {answer.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {emailed.length > 0 && (
        <p>
          {emailed.map((m) => m.name).join(', ')} {emailed.length === 1 ? 'has' : 'have'} an account here and
          {emailed.length === 1 ? ' was' : ' were'} sent an invitation by e-mail.
        </p>
      )}
      {others.length > 0 && (
        <>
          <h3>Invite the others</h3>
          <p className="meta">
            Each invite is a link and a code for one person, working for two weeks. We show them only when you
            make them, and keep no copy.
          </p>
          <ul className="card-list">
            {others.map((m) => (
              <li key={`${m.name}:${m.role}`} className="card">
                <MakeInvite familyId={answer.family.id} name={m.name} role={inviteRoleOf(m.role)} />
              </li>
            ))}
          </ul>
        </>
      )}
      {open.isError && <FormNotice message={messageOf(open.error)} />}
      {!here && (
        <div>
          <button
            type="button"
            className="button"
            disabled={open.isPending}
            onClick={() => open.mutate(answer.family.id)}
          >
            Open {answer.family.name}
          </button>
        </div>
      )}
    </div>
  );
}

/** An invite for one member, made in the imported family (opening it first), shown once. */
function MakeInvite({ familyId, name, role }: { familyId: string; name: string; role: InviteRole }) {
  const { family } = useSignedIn();
  const open = useSwitchFamily();
  const create = useCreateInvite();
  const [made, setMade] = useState<CreatedInviteResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const linkId = useId();
  const codeId = useId();
  const make = async () => {
    setError(null);
    try {
      if (family.id !== familyId) await open.mutateAsync(familyId);
      setMade(await create.mutateAsync({ role, forName: name, maxUses: 1, expiresInDays: 14 }));
    } catch (caught) {
      setError(caught);
    }
  };
  if (made)
    return (
      <div className="stack">
        <p>
          <strong>{name}</strong>: send the link, or read out the code over the phone.
        </p>
        <div className="field">
          <label className="field-label" htmlFor={linkId}>
            Link for {name}
          </label>
          <input
            id={linkId}
            type="text"
            readOnly
            value={made.link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={codeId}>
            Code for {name}
          </label>
          <input
            id={codeId}
            type="text"
            readOnly
            value={made.code}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      </div>
    );
  return (
    <div className="stack">
      <p>
        <strong>{name}</strong>
      </p>
      {error !== null && <FormNotice message={messageOf(error)} />}
      <div>
        <button
          type="button"
          className="button secondary small"
          disabled={open.isPending || create.isPending}
          onClick={() => void make()}
        >
          Make {name}’s invite
        </button>
      </div>
    </div>
  );
}
