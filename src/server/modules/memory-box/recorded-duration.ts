// How long a browser's own recording lasts, read from its timestamps.
//
// music-metadata (audio.ts) reads a duration where the container states one. A recording made with
// MediaRecorder states none: Chrome writes WebM as a live stream (unknown sizes, no Duration;
// chromium bug 642012), and MP4 recorders write fragments whose header says almost nothing. The
// library's maintainer declines to measure such files (Borewit/music-metadata#1463), so these two
// readers walk the container and add up what it holds: WebM's block timestamps, and MP4's fragment
// sample durations. Each answers null when the bytes are not the structure it expects.

/** An EBML variable-length integer at `at`: its length in bytes and value (null when "unknown"). */
function vint(
  bytes: Buffer,
  at: number,
  keepMarker: boolean,
): { length: number; value: number | null } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // leading zeros within the byte, plus one
  if (length > 8 || at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i]!;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { length, value: !keepMarker && allOnes ? null : value };
}

const uint = (bytes: Buffer, at: number, size: number) => {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
  return value;
};

// WebM elements read into (their children follow their header), by ID: EBML header, Segment, Info,
// Tracks, TrackEntry, Cluster, BlockGroup.
const EBML_PARENTS = new Set([0x1a45dfa3, 0x18538067, 0x1549a966, 0x1654ae6b, 0xae, 0x1f43b675, 0xa0]);

/** EBML's Void element: padding every reader skips (audio-tags.ts blanks labels with it). */
export const EBML_VOID = 0xec;

/** One WebM element: its ID (null where the bytes stop being EBML), where it starts, its data, its end. */
export interface EbmlElement {
  id: number | null;
  start: number;
  dataStart: number;
  /** Null for an element of unknown size (a live recording's Segment and Clusters). */
  end: number | null;
  /** Read into: its children come next. */
  parent: boolean;
}

/**
 * Walks a WebM file element by element, reading into the elements that hold others (one of unknown
 * size is simply read into). Stops where the bytes stop making sense, with an element whose ID is
 * null, or quietly where a file is cut short inside an element header.
 */
export function* ebmlElements(bytes: Buffer): Generator<EbmlElement> {
  let at = 0;
  while (at < bytes.length) {
    const id = vint(bytes, at, true);
    if (!id) {
      yield { id: null, start: at, dataStart: at, end: null, parent: false };
      return;
    }
    const size = vint(bytes, at + id.length, false);
    if (!size) return; // a file cut short inside an element header: what came before still counts
    const start = at + id.length + size.length;
    const parent = EBML_PARENTS.has(id.value!);
    const end = size.value === null ? null : Math.min(start + size.value, bytes.length);
    yield { id: id.value, start: at, dataStart: start, end, parent };
    if (parent) at = start;
    else if (size.value === null) return;
    else at = start + size.value;
  }
}

export interface WebmFacts {
  seconds: number;
  codecs: string[];
}

/**
 * Takes, element by element, the timestamp scale, each cluster's time and each block's offset. The
 * length is the span from the first block to the last, plus one Opus frame.
 */
export function webmFacts(bytes: Buffer): WebmFacts | null {
  let scale = 1_000_000; // nanoseconds per tick, WebM's default
  let cluster = 0;
  let first = Infinity;
  let last = -Infinity;
  let docType = '';
  const codecs: string[] = [];
  for (const { id, dataStart: start, end, parent } of ebmlElements(bytes)) {
    if (id === null || (!parent && end === null)) return null;
    if (parent || end === null) continue;
    if (id === 0x4282) docType = bytes.toString('latin1', start, end);
    else if (id === 0x2ad7b1) scale = uint(bytes, start, end - start);
    else if (id === 0x86) codecs.push(bytes.toString('latin1', start, end));
    else if (id === 0xe7) cluster = uint(bytes, start, end - start);
    else if ((id === 0xa3 || id === 0xa1) && end - start > 4) {
      const track = vint(bytes, start, false);
      if (!track) return null;
      const time = cluster + bytes.readInt16BE(start + track.length);
      first = Math.min(first, time);
      last = Math.max(last, time);
    }
  }
  // A single block is not a recording (a file cut short after its first twentieth of a second).
  if (docType !== 'webm' || !Number.isFinite(first) || last === first) return null;
  return { seconds: ((last - first) * scale) / 1e9 + 0.02, codecs };
}

// MP4 boxes read into: the movie and its tracks, and each fragment and its track runs.
const MP4_PARENTS = new Set(['moov', 'trak', 'mdia', 'mvex', 'moof', 'traf']);

/**
 * A fragmented MP4's length: every fragment's samples (each run's own durations, or the fragment's
 * or the movie's default duration) in the track's time scale. Null for an MP4 with no fragments,
 * whose header states its length (music-metadata reads that).
 */
export function fragmentedMp4Seconds(bytes: Buffer): number | null {
  let timescale = 0;
  let movieDefault = 0;
  let fragmentDefault = 0;
  let ticks = 0;
  let fragments = 0;
  const walk = (from: number, to: number): boolean => {
    let at = from;
    while (at + 8 <= to) {
      let size = bytes.readUInt32BE(at);
      const type = bytes.toString('latin1', at + 4, at + 8);
      let header = 8;
      if (size === 1) {
        if (at + 16 > to) return false;
        size = Number(bytes.readBigUInt64BE(at + 8));
        header = 16;
      } else if (size === 0) size = to - at;
      if (size < header || at + size > to) return at + header <= to && type === 'mdat'; // a cut-off media box ends the file
      const body = at + header;
      if (MP4_PARENTS.has(type)) {
        if (type === 'traf') fragmentDefault = movieDefault;
        if (type === 'moof') fragments++;
        if (!walk(body, at + size)) return false;
      } else if (type === 'mdhd') {
        timescale = bytes.readUInt32BE(body + (bytes[body] === 1 ? 20 : 12));
      } else if (type === 'trex') {
        movieDefault = bytes.readUInt32BE(body + 12);
      } else if (type === 'tfhd') {
        const flags = bytes.readUInt32BE(body) & 0xffffff;
        const field = body + 8 + (flags & 0x01 ? 8 : 0) + (flags & 0x02 ? 4 : 0);
        if (flags & 0x08) fragmentDefault = bytes.readUInt32BE(field);
      } else if (type === 'trun') {
        const flags = bytes.readUInt32BE(body) & 0xffffff;
        const count = bytes.readUInt32BE(body + 4);
        let field = body + 8 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0);
        const per = [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length * 4;
        if (!(flags & 0x100)) ticks += count * fragmentDefault;
        else
          for (let i = 0; i < count && field + 4 <= at + size; i++, field += per)
            ticks += bytes.readUInt32BE(field);
      }
      at += size;
    }
    return true;
  };
  if (!walk(0, bytes.length) || fragments === 0 || timescale === 0) return null;
  return ticks / timescale;
}
