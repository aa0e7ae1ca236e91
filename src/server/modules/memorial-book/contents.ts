import { countryName } from '../../../contracts/country-names.js';
import type { Entry } from '../../../contracts/journal.js';
import type { MediaItem } from '../../../contracts/media.js';
import type { MemoryItem } from '../../../contracts/memory-box.js';
import type { LovedOnePlaces } from '../../../contracts/places.js';
import type { RitualMark } from '../../../contracts/rituals.js';
import type { Tribute } from '../../../contracts/tributes.js';
import { datesLine, sayDate } from '../../../domain/tributes/wording.js';
import type { AuthContext } from '../accounts/index.js';
import type { JournalService } from '../journal/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { MediaService } from '../media/index.js';
import type { MemoryBoxService } from '../memory-box/index.js';
import type { PlacesService } from '../places/index.js';
import type { RitualsService } from '../rituals/index.js';
import type { TributesService } from '../tributes/index.js';
import type { BookContents, BookPicture } from './book.pdf.js';

// What goes in a book, read through the other modules' services as the parent who asked for it: so
// the book holds exactly what they may see (entries shared with the adults and their own, never
// another member's private one; the drawings kept for the parents, since the asker is one). Pictures
// are listed here and read one at a time while the PDF is drawn, never all at once.

export interface ContentSources {
  lovedOnes: LovedOnesService;
  journal: JournalService;
  tributes: TributesService;
  rituals: RitualsService;
  places: PlacesService;
  memoryBox: MemoryBoxService;
  media: MediaService;
}

export interface BookRequest {
  lovedOneId: string;
  from: string;
  to: string;
  withMyPrivateEntries: boolean;
}

/** The day of a stored instant or date. (Instants are UTC; a day's edge may fall a few hours off.) */
const dayOf = (stamp: string) => stamp.slice(0, 10);

export async function gatherContents(
  sources: ContentSources,
  auth: AuthContext,
  request: BookRequest,
): Promise<BookContents> {
  const inRange = (stamp: string) => dayOf(stamp) >= request.from && dayOf(stamp) <= request.to;
  const { lovedOne } = await sources.lovedOnes.get(auth, request.lovedOneId);
  const [journal, tributes, marks, places, box, media] = await Promise.all([
    sources.journal.list(auth, request.lovedOneId),
    sources.tributes.list(auth),
    sources.rituals.done(auth, request.lovedOneId),
    sources.places.ofLovedOne(auth, request.lovedOneId),
    sources.memoryBox.box(auth),
    sources.media.list(auth),
  ]);

  // Shared with the adults, or (when the asker chose so) the asker's own private ones.
  const entries = journal.entries
    .filter(
      (e: Entry) =>
        inRange(e.writtenFor) && (e.sharedAt !== null || (e.mine && request.withMyPrivateEntries)),
    )
    .sort((a, b) => a.writtenFor.localeCompare(b.writtenFor) || a.createdAt.localeCompare(b.createdAt))
    .map((e) => ({
      kind: e.kind,
      title: e.title,
      text: e.text,
      byLine: `${e.authorName} · ${sayDate(e.writtenFor)}`,
    }));

  const dates = {
    name: lovedOne.name,
    dateOfBirth: lovedOne.dateOfBirth,
    dateOfDeath: lovedOne.dateOfDeath ?? lovedOne.dateOfLoss,
  };

  const drawings: BookPicture[] = box.items
    .filter(
      (item: MemoryItem) =>
        item.lovedOneId === lovedOne.id && item.kind === 'drawing' && inRange(item.createdAt),
    )
    .map((item) => ({
      caption: drawingLabel(item),
      read: () => sources.memoryBox.file(auth, item.id, 'file').then((f) => f.data),
    }));

  const photos: BookPicture[] = media
    .filter((m: MediaItem) => m.kind === 'photo' && inRange(m.createdAt))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((m) => ({
      caption: `${m.addedBy ? `Added by ${m.addedBy} · ` : ''}${sayDate(dayOf(m.createdAt))}`,
      read: () => sources.media.file(auth, m.id, 'file').then((f) => f.data),
    }));

  return {
    name: lovedOne.name,
    datesLine: datesLine('dates', dates, request.to),
    relationship: lovedOne.relationship,
    story: lovedOne.story,
    rangeLine:
      request.from === request.to
        ? sayDate(request.from)
        : `${sayDate(request.from)} – ${sayDate(request.to)}`,
    entries,
    tributes: tributes
      .filter((t: Tribute) => t.lovedOneId === lovedOne.id && inRange(t.forDate))
      .sort((a, b) => a.forDate.localeCompare(b.forDate))
      .map((t) => ({ when: sayDate(t.forDate), datesLine: t.datesLine, words: t.words })),
    rituals: marks
      .filter((m: RitualMark) => inRange(m.dueAt))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .map((m) => ({
        title: m.ritualTitle,
        when: sayDate(dayOf(m.dueAt)),
        tookPart: m.tookPart,
        line: m.line,
      })),
    places: placesInRange(places, inRange),
    drawings,
    photos,
  };
}

function drawingLabel(item: MemoryItem): string {
  const age = item.byAge === null ? '' : `, ${item.byAge}`;
  const kept = item.parentsOnly ? ' · Kept for the parents' : '';
  return `By ${item.byName}${age} · ${sayDate(dayOf(item.createdAt))}${kept}`;
}

/** The towns visited on trips that began within the range, by country, as a list. */
function placesInRange(places: LovedOnePlaces, inRange: (day: string) => boolean) {
  return places.countries.flatMap((country) =>
    country.towns
      .map((town) => ({
        town,
        visits: town.visits.filter((v) => v.startsOn !== null && inRange(v.startsOn)),
      }))
      .filter(({ visits }) => visits.length > 0)
      .map(({ town, visits }) => ({
        name: [town.name, town.region, countryName(country.country)].filter(Boolean).join(', '),
        trips: visits
          .map(
            (v) =>
              `${v.tripName}${v.startsOn ? ` (${sayDate(v.startsOn)})` : ''}${v.scattered ? ', where the ashes were scattered' : ''}`,
          )
          .join('; '),
      })),
  );
}
