import { useId } from 'react';
import type {
  BookCandidate,
  BookCandidatesResponse,
  BookItemKind,
} from '../../../contracts/memorial-book.js';
import { bookItemKinds } from '../../../contracts/memorial-book.js';
import { CheckboxField } from '../../components/fields.js';
import { formatDate } from '../../lib/format.js';

// "What goes in": everything the book's days hold that the asker may read (the server's list),
// grouped, with dates. All of it goes in unless the family leaves something out, one by one or a
// whole group. Only the ids left out are kept here; the book is asked for with the ids kept in.

const groups: Record<BookItemKind, { title: string; none: string }> = {
  entries: { title: 'Letters and entries', none: 'No shared letters or entries on these days.' },
  tributes: { title: 'Tributes', none: 'No tributes on these days.' },
  rituals: { title: 'Rituals', none: 'No rituals done on these days.' },
  drawings: { title: 'The children’s drawings', none: 'No drawings from these days.' },
  photos: { title: 'Photos', none: 'No photos from these days.' },
};

export function BookChoice({
  offered,
  leftOut,
  onChange,
  error,
}: {
  offered: BookCandidatesResponse;
  leftOut: ReadonlySet<string>;
  onChange: (leftOut: Set<string>) => void;
  error?: string;
}) {
  const change = (ids: readonly string[], keep: boolean) => {
    const next = new Set(leftOut);
    for (const id of ids)
      if (keep) next.delete(id);
      else next.add(id);
    onChange(next);
  };
  return (
    <div className="stack book-choice">
      <h4>What goes in</h4>
      <p className="meta">
        Everything here goes in the book. Untick anything you would rather leave out. The places you travelled
        to are always on a map at the end.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {bookItemKinds.map((kind) => (
        <Group key={kind} kind={kind} items={offered[kind]} leftOut={leftOut} onChange={change} />
      ))}
    </div>
  );
}

function Group({
  kind,
  items,
  leftOut,
  onChange,
}: {
  kind: BookItemKind;
  items: readonly BookCandidate[];
  leftOut: ReadonlySet<string>;
  onChange: (ids: readonly string[], keep: boolean) => void;
}) {
  const legendId = useId();
  const { title, none } = groups[kind];
  const inCount = items.filter((item) => !leftOut.has(item.id)).length;
  if (items.length === 0)
    return (
      <p className="meta">
        <strong>{title}:</strong> {none}
      </p>
    );
  const ids = items.map((item) => item.id);
  return (
    <fieldset className="stack" aria-labelledby={legendId}>
      <legend id={legendId}>
        {title} ({inCount} of {items.length} in)
      </legend>
      {items.length > 1 && (
        <div className="button-row">
          {inCount < items.length && (
            <button type="button" className="button quiet small" onClick={() => onChange(ids, true)}>
              Put all {title.toLowerCase()} in
            </button>
          )}
          {inCount > 0 && (
            <button type="button" className="button quiet small" onClick={() => onChange(ids, false)}>
              Leave all {title.toLowerCase()} out
            </button>
          )}
        </div>
      )}
      <ul className="book-choice-list">
        {items.map((item) => (
          <li key={item.id}>
            {item.thumbnailUrl && (
              <img src={item.thumbnailUrl} alt="" loading="lazy" width={56} height={56} />
            )}
            <CheckboxField
              name={`${kind}-${item.id}`}
              label={
                <>
                  {item.label} · {formatDate(item.date)}
                  {item.privateToMe && ' · private, yours'}
                </>
              }
              hint={item.detail ?? undefined}
              checked={!leftOut.has(item.id)}
              onChange={(keep) => onChange([item.id], keep)}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
