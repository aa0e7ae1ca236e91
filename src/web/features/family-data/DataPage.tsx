import { useId } from 'react';
import type { FamilyExport } from '../../../contracts/family-archive.js';
import { useCan, useSignedIn } from '../../app/session.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { FormNotice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { formatInstant, formatMegabytes } from '../../lib/format.js';
import { ImportSection } from './ImportSection.js';
import { useAskExport, useDownloadExport, useExports, useRemoveExport } from './mutations.js';

// Settings → Your family's data: take the whole family away as one archive (owners and adults), and
// bring an archive in as a new family (anyone with their own account). Each promise on this page is
// one the server keeps: the archive's contents, what stays out, the link that works once.

export function DataPage() {
  const canExport = useCan('family.export');
  const canImport = useCan('family.import');
  return (
    <Page title="Your family’s data">
      <p>
        What your family keeps here is yours. You can take all of it with you as one file at any time, and
        bring a family’s file into this Alongside.
      </p>
      {canExport && <ExportSection />}
      {canImport && <ImportSection />}
    </Page>
  );
}

function ExportSection() {
  const session = useSignedIn();
  const headingId = useId();
  const exports = useExports();
  const ask = useAskExport();
  const list = exports.data?.exports ?? [];
  return (
    <section aria-labelledby={headingId} className="card stack">
      <h2 id={headingId}>Take your family’s data with you</h2>
      <p>
        One zip file of {session.family.name}: the loved ones, trips and checks, days, rituals, journal,
        memory box and tributes, every photo and voice note, the memorial books and travel packets, and a page
        you can open in any web browser, with no internet and no app.
      </p>
      <p className="meta">
        It holds what you can see. Other members’ private journal entries stay out; your own are in it, so the
        file is yours alone. Passwords and share links never leave.
      </p>
      {list.length > 0 && (
        <ul className="card-list">
          {list.map((item) => (
            <li key={item.id} className="card">
              <ExportCard item={item} />
            </li>
          ))}
        </ul>
      )}
      {ask.isError && <FormNotice message={messageOf(ask.error)} />}
      <div>
        <button type="button" className="button" disabled={ask.isPending} onClick={() => ask.mutate()}>
          Make an archive of {session.family.name}
        </button>
      </div>
      <p className="meta">
        It is made in the background; you can leave this page. If this Alongside sends e-mail, we will write
        when it is ready. It is kept for a week.
      </p>
    </section>
  );
}

function ExportCard({ item }: { item: FamilyExport }) {
  const download = useDownloadExport();
  const remove = useRemoveExport();
  const [dialog, confirm] = useConfirm();
  const removeIt = async () => {
    const yes = await confirm({
      title: 'Remove this archive?',
      body: (
        <p>The file is deleted from Alongside. Nothing in your family is touched: you can make it again.</p>
      ),
      confirmLabel: 'Remove the archive',
      cancelLabel: 'Keep it',
    });
    if (yes) remove.mutate(item.id);
  };
  return (
    <>
      {dialog}
      <h3 className="card-title">Asked for {formatInstant(item.createdAt)}</h3>
      <ExportProgress item={item} />
      {download.isError && <FormNotice message={messageOf(download.error)} />}
      <div className="button-row">
        {item.state === 'ready' && (
          <button
            type="button"
            className="button small"
            disabled={download.isPending}
            onClick={() => download.mutate(item.id)}
          >
            Download the archive
          </button>
        )}
        {(item.state === 'ready' || item.state === 'failed') && (
          <button type="button" className="button quiet small" onClick={() => void removeIt()}>
            Remove{' '}
            <span className="visually-hidden">the archive asked for {formatInstant(item.createdAt)}</span>
          </button>
        )}
      </div>
    </>
  );
}

function ExportProgress({ item }: { item: FamilyExport }) {
  switch (item.state) {
    case 'waiting':
      return <p role="status">Getting ready to put it together…</p>;
    case 'making':
      return (
        <div role="status">
          <p>
            Putting it together… {item.filesDone}
            {item.filesTotal ? ` of ${item.filesTotal}` : ''} files
          </p>
          <progress
            max={item.filesTotal ?? undefined}
            value={item.filesDone}
            aria-label="Putting the archive together"
          />
        </div>
      );
    case 'ready':
      return (
        <p role="status">
          Ready: a zip of {formatMegabytes(item.byteSize ?? 0)}
          {item.expiresAt ? `, kept until ${formatInstant(item.expiresAt)}` : ''}. Each download link works
          once, for you.
        </p>
      );
    case 'failed':
      return <p role="status">We could not make this archive. Please try again in a little while.</p>;
  }
}
