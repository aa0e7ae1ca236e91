import { countryName } from '../../../contracts/country-names.js';
import type { Entry } from '../../../contracts/journal.js';
import type { LovedOne } from '../../../contracts/loved-ones.js';
import type { MediaItem } from '../../../contracts/media.js';
import type { BookItemKind } from '../../../contracts/memorial-book.js';
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
import type { BookContents } from './book.pdf.js';

// What goes in a book, read through the other modules' services as the parent who asked for it: so
// the book holds exactly what they may see (entries shared with the adults and their own, never
// another member's private one; the drawings kept for the parents, since the asker is one), less
// what the family left out when they chose. Pictures (tributes, drawings, photos, entries' photos)
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

/** What the family chose, kind by kind; null: everything the days hold (a book asked for before). */
export type ChosenItems = Record<BookItemKind, ReadonlySet<string>> | null;

/** Everything the asker may put in a book for these days, each kind in order. */
export interface BookCandidates {
  lovedOne: LovedOne;
  entries: Entry[];
  tributes: Tribute[];
  rituals: RitualMark[];
  drawings: MemoryItem[];
  photos: MediaItem[];
  places: LovedOnePlaces;
}

/** The day of a stored instant or date. (Instants are UTC; a day's edge may fall a few hours off.) */
export const dayOf = (stamp: string) => stamp.slice(0, 10);

/** A tribute is printed in its portrait frame, the one that sits best on a page. */
const TRIBUTE_PRINT_SIZE = 'portrait';

/**
 * Reads what could go in the book as the asker: entries shared with the adults (and, when they
 * asked, their own private ones), the loved one's tributes, rituals done, drawings and photos in
 * the range, and the places. The same read offers the family the choice and makes the book.
 */
export async function readCandidates(
  sources: ContentSources,
  auth: AuthContext,
  request: BookRequest,
): Promise<BookCandidates> {
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
  return {
    lovedOne,
    // Shared with the adults, or (when the asker chose so) the asker's own private ones.
    entries: journal.entries
      .filter(
        (e: Entry) =>
          inRange(e.writtenFor) && (e.sharedAt !== null || (e.mine && request.withMyPrivateEntries)),
      )
      .sort((a, b) => a.writtenFor.localeCompare(b.writtenFor) || a.createdAt.localeCompare(b.createdAt)),
    tributes: tributes
      .filter((t: Tribute) => t.lovedOneId === lovedOne.id && inRange(t.forDate))
      .sort((a, b) => a.forDate.localeCompare(b.forDate)),
    rituals: marks.filter((m: RitualMark) => inRange(m.dueAt)).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    drawings: box.items.filter(
      (item: MemoryItem) =>
        item.lovedOneId === lovedOne.id && item.kind === 'drawing' && inRange(item.createdAt),
    ),
    photos: media
      .filter((m: MediaItem) => m.kind === 'photo' && inRange(m.createdAt))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    places: {
      ...places,
      countries: places.countries.map((country) => ({
        ...country,
        towns: country.towns.map((town) => ({
          ...town,
          visits: town.visits.filter((v) => v.startsOn !== null && inRange(v.startsOn)),
        })),
      })),
    },
  };
}

export async function gatherContents(
  sources: ContentSources,
  auth: AuthContext,
  request: BookRequest,
  chosen: ChosenItems = null,
): Promise<BookContents> {
  const found = await readCandidates(sources, auth, request);
  const { lovedOne } = found;
  // Only what the family chose and is still there (an item removed since is simply not found).
  const keep = <T extends { id: string }>(kind: BookItemKind, items: T[]): T[] =>
    chosen ? items.filter((item) => chosen[kind].has(item.id)) : items;

  const dates = {
    name: lovedOne.name,
    dateOfBirth: lovedOne.dateOfBirth,
    dateOfDeath: lovedOne.dateOfDeath ?? lovedOne.dateOfLoss,
  };

  return {
    name: lovedOne.name,
    datesLine: datesLine('dates', dates, request.to),
    relationship: lovedOne.relationship,
    story: lovedOne.story,
    rangeLine:
      request.from === request.to
        ? sayDate(request.from)
        : `${sayDate(request.from)} – ${sayDate(request.to)}`,
    entries: keep('entries', found.entries).map((e) => ({
      kind: e.kind,
      title: e.title,
      text: e.text,
      byLine: `${e.authorName} · ${sayDate(e.writtenFor)}`,
      // Its photos, read through the journal as the asker (as private as the entry) when drawn.
      photos: e.photos.map((photo) => ({
        caption: `With ${e.authorName}’s ${e.kind === 'letter' ? 'letter' : 'entry'} of ${sayDate(e.writtenFor)}`,
        read: () => sources.journal.photoFile(auth, photo.id),
      })),
    })),
    // Each tribute as its picture, drawn by the tributes module when its page is drawn.
    tributes: keep('tributes', found.tributes).map((t) => ({
      caption: t.datesLine ?? sayDate(t.forDate),
      words: t.words,
      read: () => sources.tributes.picture(auth, t.id, TRIBUTE_PRINT_SIZE),
    })),
    rituals: keep('rituals', found.rituals).map((m) => ({
      title: m.ritualTitle,
      when: sayDate(dayOf(m.dueAt)),
      tookPart: m.tookPart,
      line: m.line,
    })),
    places: townsVisited(found.places),
    drawings: keep('drawings', found.drawings).map((item) => ({
      caption: drawingLabel(item),
      read: () => sources.memoryBox.file(auth, item.id, 'file').then((f) => f.data),
    })),
    photos: keep('photos', found.photos).map((m) => ({
      caption: `${m.addedBy ? `Added by ${m.addedBy} · ` : ''}${sayDate(dayOf(m.createdAt))}`,
      read: () => sources.media.file(auth, m.id, 'file').then((f) => f.data),
    })),
  };
}

export function drawingLabel(item: MemoryItem): string {
  const age = item.byAge === null ? '' : `, ${item.byAge}`;
  const kept = item.parentsOnly ? ' · Kept for the parents' : '';
  return `By ${item.byName}${age} · ${sayDate(dayOf(item.createdAt))}${kept}`;
}

/** The towns visited on trips that began within the range, by country, with their pins for the map. */
function townsVisited(places: LovedOnePlaces): BookContents['places'] {
  return places.countries.flatMap((country) =>
    country.towns
      .filter((town) => town.visits.length > 0)
      .map((town) => ({
        name: [town.name, town.region, countryName(country.country)].filter(Boolean).join(', '),
        country: country.country,
        point: town.point,
        trips: town.visits
          .map(
            (v) =>
              `${v.tripName}${v.startsOn ? ` (${sayDate(v.startsOn)})` : ''}${v.scattered ? ', where the ashes were scattered' : ''}`,
          )
          .join('; '),
      })),
  );
}
