import {
  ARCHIVE_VERSION,
  archiveFiles,
  type ArchiveData,
  type ArchiveRecord,
} from '../../../contracts/family-archive.js';

// The two files of an archive meant for people rather than programs: README.txt, and index.html, a
// page that shows the family's trips, loved ones, days, journal and photos from the archive's own
// files, in any browser, with no internet and no app (the "if Alongside disappears" copy). It loads
// nothing from the web and runs no script.

const escape = (value: unknown): string =>
  (typeof value === 'string' || typeof value === 'number' ? String(value) : '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const str = (record: ArchiveRecord, field: string): string | null => {
  const value = record[field];
  return typeof value === 'string' ? value : null;
};

function sayDay(date: string | null): string {
  if (!date) return '';
  const day = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function sayMoment(instant: string | null, zone: string): string {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return at.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
}

export function readmeText(data: ArchiveData, exporterName: string): string {
  const counts = [
    ['loved ones', data.lovedOnes.length],
    ['trips', data.trips.length],
    ['journal entries and letters', data.journalEntries.length],
    ['photos on journal entries', data.journalPhotos.length],
    ['photos and drawings', data.media.length],
    ['memory box items', data.memoryBoxItems.length],
    ['tributes', data.tributes.length],
    ['memorial books', data.memorialBooks.length],
  ]
    .map(([what, n]) => `  - ${n} ${what}`)
    .join('\n');
  return `${data.family.name}: your family's data from Alongside
${'='.repeat(data.family.name.length + 36)}

Exported by ${exporterName} on ${sayMoment(data.exportedAt, data.family.homeZone)}.

This archive is a copy of what ${exporterName} could see in the family, kept so that it is yours
whatever happens to the app. It holds:
${counts}

How to look at it
  Open index.html in any web browser (double-click it after unzipping). It needs no internet and
  no app: it shows the loved ones, days, trips, journal, rituals and photos from the files here.

What is where
  ${archiveFiles.index}       the page to read it all
  ${archiveFiles.data}      every record, as JSON (format "${data.format}", version ${ARCHIVE_VERSION})
  ${archiveFiles.schema}      what each field of family.json means (JSON Schema)
  media/          photos and drawings as kept, with a small preview of each (-preview.webp)
  journal-photos/ photos on journal entries as kept, with a small preview of each
  voice/          voice notes from the memory box
  books/          memorial books that were made (PDF)
  travel-packets/ each trip's travel packet as printed on the day of export (PDF)
  reply-photos/   photos from supporters' replies waiting for a parent

What is not here
  Another member's private journal entries, settings and memorial books never leave the server
  in someone else's archive: only the entries shared with the family's adults and ${exporterName}'s
  own are here.
${data.leftOut.map((line) => `  - ${line}`).join('\n')}

Bringing it into another Alongside
  Sign in there, open Settings, then "Your family's data", and choose "Import a family". The
  family comes in as a new family with you as its owner. The other members are invited to join
  it again (nobody is added without saying yes); what each of them did keeps their name.
`;
}

/** The whole family on one page, from the archive's own files. */
export function indexHtml(data: ArchiveData): string {
  const zone = data.family.homeZone;
  const members = new Map(data.members.map((m) => [str(m, 'id'), str(m, 'displayName') ?? 'Someone']));
  const travellers = new Map(data.tripTravellers.map((t) => [str(t, 'id'), str(t, 'name') ?? 'Someone']));
  const keepsakes = new Map(data.keepsakes.map((k) => [str(k, 'id'), str(k, 'name') ?? 'a keepsake']));
  const tripKeepsakeName = new Map(
    data.tripKeepsakes.map((tk) => [str(tk, 'id'), keepsakes.get(str(tk, 'keepsakeId')) ?? 'a keepsake']),
  );
  const mediaFile = new Map(data.media.map((m) => [str(m, 'id'), m]));
  const lovedOneName = new Map(data.lovedOnes.map((l) => [str(l, 'id'), str(l, 'name') ?? '']));
  const who = (id: string | null) => (id ? (members.get(id) ?? 'a former member') : 'someone');
  /** A small preview linking to the full file, for any record holding a `file` and its `thumbnail`. */
  const pictureOf = (record: ArchiveRecord | undefined, alt: string) =>
    record
      ? `<a href="${escape(record.file)}"><img src="${escape(record.thumbnail)}" alt="${escape(alt)}" loading="lazy"></a>`
      : '';
  const picture = (mediaId: string | null, alt: string) =>
    pictureOf(mediaId ? mediaFile.get(mediaId) : undefined, alt);
  const section = (id: string, title: string, body: string) =>
    body ? `<section id="${id}"><h2>${escape(title)}</h2>${body}</section>` : '';
  const list = <T>(items: T[], item: (t: T) => string) =>
    items.length ? `<ul>${items.map((t) => `<li>${item(t)}</li>`).join('')}</ul>` : '';

  const lovedOnes = data.lovedOnes
    .map((l) => {
      const dates = [
        str(l, 'dateOfBirth') && `Born ${sayDay(str(l, 'dateOfBirth'))}`,
        str(l, 'dateOfDeath') && `died ${sayDay(str(l, 'dateOfDeath'))}`,
        str(l, 'dateOfLoss') && `Loss on ${sayDay(str(l, 'dateOfLoss'))}`,
        str(l, 'dueDate') && `due ${sayDay(str(l, 'dueDate'))}`,
      ]
        .filter(Boolean)
        .join(', ');
      const theirs = data.keepsakes.filter((k) => k.lovedOneId === l.id);
      return `<article><h3>${escape(l.name)}</h3>${dates ? `<p>${escape(dates)}</p>` : ''}${
        l.relationship ? `<p>${escape(l.relationship)}</p>` : ''
      }${l.story ? `<p class="text">${escape(l.story)}</p>` : ''}${list(
        theirs,
        (k) => `${escape(k.name)} (${escape(k.container)})${k.travelsWithUs ? ', travels with us' : ''}`,
      )}</article>`;
    })
    .join('');

  const days = list(
    [...data.remembranceDays].sort((a, b) => String(a.anchorDate).localeCompare(String(b.anchorDate))),
    (d) =>
      `${escape(d.title)}: ${escape(sayDay(str(d, 'anchorDate')))}${d.recurrence === 'yearly' ? ', every year' : ''}`,
  );

  const trips = data.trips
    .map((trip) => {
      const legs = data.tripLegs
        .filter((leg) => leg.tripId === trip.id)
        .sort((a, b) => Number(a.position) - Number(b.position))
        .map((leg) => {
          const checks = data.legChecks
            .filter((c) => c.legId === leg.id)
            .map((c) => {
              const confirmed = data.checkConfirmations
                .filter((cc) => cc.checkId === c.id)
                .map(
                  (cc) =>
                    `${escape(tripKeepsakeName.get(str(cc, 'tripKeepsakeId')))} confirmed packed by ${escape(
                      travellers.get(str(cc, 'travellerId')) ?? 'a traveller',
                    )} (recorded by ${escape(who(str(cc, 'recordedBy')))}), ${escape(sayMoment(str(cc, 'confirmedAt'), zone))}`,
                );
              return `Check before leaving (${escape(c.kind)})${confirmed.length ? `: ${confirmed.join('; ')}` : ': not confirmed'}`;
            });
          return `<li>${escape(leg.fromPlace ?? leg.fromCountry)} to ${escape(leg.toPlace ?? leg.toCountry)} by ${escape(
            leg.mode,
          )}${leg.carrier ? ` (${escape(leg.carrier)})` : ''}, leaving ${escape(
            String(leg.departureLocal).replace('T', ' at '),
          )}${list(checks, (c) => c)}</li>`;
        })
        .join('');
      const items = list(
        data.checklistItems.filter((i) => i.tripId === trip.id),
        (i) =>
          `${i.checkedAt ? '☑' : '☐'} ${escape(i.label)}${
            i.checkedAt ? ` <span class="meta">ticked by ${escape(who(str(i, 'checkedBy')))}</span>` : ''
          }`,
      );
      const packet = data.travelPackets.find((p) => p.tripId === trip.id);
      return `<article><h3>${escape(trip.name)}</h3><p>${escape(
        [sayDay(str(trip, 'startsOn')), sayDay(str(trip, 'endsOn'))].filter(Boolean).join(' to '),
      )}</p>${legs ? `<h4>Journey</h4><ul>${legs}</ul>` : ''}${items ? `<h4>Packing list</h4>${items}` : ''}${
        packet ? `<p><a href="${escape(packet.file)}">Travel packet (PDF)</a></p>` : ''
      }</article>`;
    })
    .join('');

  const rituals = data.rituals
    .map((r) => {
      const marks = data.ritualMarks
        .filter((m) => m.ritualId === r.id && m.outcome === 'done')
        .map(
          (m) =>
            `${escape(sayDay(str(m, 'dueAt')))}${m.tookPart ? `: ${escape(m.tookPart)}` : ''}${
              m.line ? ` — ${escape(m.line)}` : ''
            } ${picture(str(m, 'mediaId'), `Photo of ${String(r.title)}`)}`,
        );
      return `<article><h3>${escape(r.title)}</h3><p class="meta">For ${escape(lovedOneName.get(str(r, 'lovedOneId')))}</p><p class="text">${escape(r.whatToDo)}</p>${list(marks, (m) => m)}</article>`;
    })
    .join('');

  // An entry's photos come with it; a photo whose entry stayed out of the archive is not here either.
  const photosOnEntry = (e: ArchiveRecord) => {
    const writer = who(str(e, 'authorId'));
    const day = sayDay(str(e, 'writtenFor'));
    const alt = `A photo with ${writer}’s ${e.kind === 'letter' ? 'letter' : 'entry'}${day ? ` for ${day}` : ''}`;
    return data.journalPhotos
      .filter((p) => p.entryId === e.id)
      .sort(
        (a, b) =>
          String(a.createdAt).localeCompare(String(b.createdAt)) || String(a.id).localeCompare(String(b.id)),
      )
      .map((p) => `<figure>${pictureOf(p, alt)}</figure>`)
      .join('');
  };
  const journal = [...data.journalEntries]
    .sort((a, b) => String(a.writtenFor).localeCompare(String(b.writtenFor)))
    .map(
      (e) =>
        `<article><h3>${escape(e.title ?? (e.kind === 'letter' ? 'A letter' : 'An entry'))}</h3><p class="meta">${escape(
          who(str(e, 'authorId')),
        )}, for ${escape(sayDay(str(e, 'writtenFor')))}${e.sharedAt ? '' : ' · private'}</p><p class="text">${escape(e.body)}</p>${photosOnEntry(e)}</article>`,
    )
    .join('');

  const box = data.memoryBoxItems
    .map((item) => {
      const by = `${escape(item.byName)}${item.byAge === null ? '' : `, ${escape(item.byAge)}`}, ${escape(sayDay(str(item, 'createdAt')))}`;
      if (item.kind === 'drawing')
        return `<figure>${picture(str(item, 'mediaId'), `A drawing by ${String(item.byName)}`)}<figcaption>${by}</figcaption></figure>`;
      if (item.kind === 'voice' && item.audio)
        return `<figure><audio controls preload="none" src="${escape(item.audio)}"></audio><figcaption>A voice note by ${by}</figcaption></figure>`;
      return `<article><p class="text">${escape(item.body)}</p><p class="meta">${by}</p></article>`;
    })
    .join('');

  const photos = data.media
    .filter((m) => m.kind === 'photo')
    .map(
      (m) =>
        `<figure>${picture(str(m, 'id'), `A photo added ${sayDay(str(m, 'createdAt'))}`)}<figcaption>${escape(
          sayDay(str(m, 'createdAt')),
        )}${m.addedBy ? `, added by ${escape(who(str(m, 'addedBy')))}` : ''}${m.fromName ? `, from ${escape(m.fromName)}` : ''}</figcaption></figure>`,
    )
    .join('');

  const tributes = data.tributes
    .map(
      (t) =>
        `<article><h3>For ${escape(lovedOneName.get(str(t, 'lovedOneId')))}, ${escape(sayDay(str(t, 'forDate')))}</h3>${picture(
          str(t, 'mediaId'),
          'The tribute’s photo',
        )}${t.words ? `<p class="text">${escape(t.words)}</p>` : ''}</article>`,
    )
    .join('');

  const books = list(
    data.memorialBooks,
    (b) =>
      `<a href="${escape(b.file)}">${escape(lovedOneName.get(str(b, 'lovedOneId')))}'s memorial book, ${escape(
        sayDay(str(b, 'fromDate')),
      )} to ${escape(sayDay(str(b, 'toDate')))} (PDF)</a>`,
  );

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${escape(data.family.name)}: kept with Alongside</title>
<style>
  :root { color-scheme: light dark; --ink: #1f2a2e; --soft: #5b6b70; --line: #d8e0e2; --bg: #fbfaf7; }
  @media (prefers-color-scheme: dark) { :root { --ink: #e9eef0; --soft: #a9b7bb; --line: #3a4548; --bg: #161b1d; } }
  body { font: 1rem/1.6 system-ui, sans-serif; color: var(--ink); background: var(--bg); margin: 0 auto; max-width: 48rem; padding: 1.5rem; }
  h1 { font-weight: 600; } h2 { border-top: 1px solid var(--line); padding-top: 1rem; margin-top: 2rem; }
  .meta { color: var(--soft); font-size: .95rem; } .text { white-space: pre-wrap; }
  nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; }
  figure { display: inline-block; margin: 0 .75rem 1rem 0; vertical-align: top; max-width: 15rem; }
  img { max-width: 100%; height: auto; border-radius: .25rem; } a { color: inherit; }
  article { margin-bottom: 1.5rem; }
</style>
</head>
<body>
<header>
<h1>${escape(data.family.name)}</h1>
<p class="meta">Kept with Alongside, exported ${escape(sayMoment(data.exportedAt, zone))}. This page needs no internet and no app.</p>
<nav aria-label="On this page"><ul>
<li><a href="#loved-ones">Loved ones</a></li><li><a href="#days">Days</a></li><li><a href="#trips">Trips</a></li>
<li><a href="#rituals">Rituals</a></li><li><a href="#journal">Journal</a></li><li><a href="#memory-box">Memory box</a></li>
<li><a href="#photos">Photos</a></li><li><a href="#tributes">Tributes</a></li><li><a href="#books">Books</a></li>
</ul></nav>
</header>
<main>
${section('loved-ones', 'Loved ones', lovedOnes)}
${section('days', 'Days that matter', days)}
${section('trips', 'Trips', trips)}
${section('rituals', 'Rituals', rituals)}
${section('journal', 'Journal and letters', journal)}
${section('memory-box', 'Memory box', box)}
${section('photos', 'Photos', photos)}
${section('tributes', 'Tributes', tributes)}
${section('books', 'Memorial books', books)}
</main>
<footer><p class="meta">Every record is also in family.json; README.txt says what is where.</p></footer>
</body>
</html>
`;
}
