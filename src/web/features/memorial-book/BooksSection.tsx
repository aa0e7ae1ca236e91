import { useId, useState } from 'react';
import type { Book, PaperSize } from '../../../contracts/memorial-book.js';
import { choiceLeavingOut, makeBookBody } from '../../../contracts/memorial-book.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { useForm } from '../../components/useForm.js';
import { formatDate, formatDateRange, formatInstant, formatMegabytes } from '../../lib/format.js';
import { possessive } from '../../lib/words.js';
import { BookChoice } from './BookChoice.js';
import { useBookCandidates, useBooks, useMakeBook, useRemoveBook } from './mutations.js';

// "Make a book" on a loved one's page (owners and adults): a year or chosen dates, A4 or US Letter,
// what goes in (everything the days hold, less what the family leaves out), then the book's
// progress while it is made in the background, and its download.

type Span = 'year' | 'range';

const paperOptions: ReadonlyArray<{ value: PaperSize; label: string }> = [
  { value: 'A4', label: 'A4' },
  { value: 'LETTER', label: 'US Letter' },
];

/** US Letter where the browser speaks American or Canadian English; A4 elsewhere. */
const usualPaper = (): PaperSize =>
  /^en-(US|CA)$/i.test(typeof navigator === 'undefined' ? '' : navigator.language) ? 'LETTER' : 'A4';

export function BooksSection({ lovedOneId, name }: { lovedOneId: string; name: string }) {
  const headingId = useId();
  const books = useBooks(lovedOneId);
  const make = useMakeBook(lovedOneId);
  const remove = useRemoveBook(lovedOneId);
  const [dialog, ask] = useConfirm();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 15 }, (_, i) => String(thisYear - i));
  const [leftOut, setLeftOut] = useState<Set<string>>(() => new Set());

  const form = useForm({
    initial: {
      span: 'year' as Span,
      year: String(thisYear),
      from: '',
      to: '',
      paper: usualPaper(),
      mine: false,
    },
    schema: makeBookBody,
    toBody: (v) => ({
      ...daysOf(v),
      paper: v.paper,
      withMyPrivateEntries: v.mine,
      // Until the list has come, nothing was left out: the book holds everything.
      ...(offered.data && { chosen: choiceLeavingOut(offered.data, leftOut) }),
    }),
    onSubmit: async (body) => {
      await make.mutateAsync(body);
      setLeftOut(new Set());
    },
  });
  const { values, set, errors } = form;
  const days = daysOf(values);
  const offered = useBookCandidates(
    lovedOneId,
    days.from && days.to && days.from <= days.to ? { ...days, mine: values.mine ? 'yes' : 'no' } : null,
  );
  const choiceError = Object.entries(errors).find(([field]) => field.startsWith('chosen'))?.[1];

  const removeBook = async (book: Book) => {
    const yes = await ask({
      title: 'Remove this book?',
      body: <p>The PDF is deleted from Alongside. Nothing in it is touched: you can make it again.</p>,
      confirmLabel: 'Remove the book',
      cancelLabel: 'Keep it',
    });
    if (yes) remove.mutate(book.id);
  };

  const list = books.data?.books ?? [];
  return (
    <section aria-labelledby={headingId}>
      {dialog}
      <h2 id={headingId}>A book for {name}</h2>
      <p>
        A book to print and keep: {possessive(name)} page, the letters and entries shared with the grown-ups,
        tributes, rituals and who took part, a map of the places you went, the children’s drawings and your
        photos. You choose what goes in.
      </p>
      {list.length > 0 && (
        <ul className="card-list">
          {list.map((book) => (
            <li key={book.id} className="card">
              <BookCard book={book} name={name} onRemove={() => void removeBook(book)} />
            </li>
          ))}
        </ul>
      )}
      <form className="stack card" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
        <h3>Make a book</h3>
        <FormNotice message={form.message} />
        <RadioGroup
          label="Which days"
          name="span"
          value={values.span}
          onChange={set('span')}
          options={[
            { value: 'year', label: 'A year' },
            { value: 'range', label: 'From one date to another' },
          ]}
        />
        {values.span === 'year' ? (
          <SelectField
            label="The year"
            name="year"
            value={values.year}
            onChange={set('year')}
            options={years.map((y) => ({ value: y, label: y }))}
            error={errors.from ?? errors.to}
          />
        ) : (
          <>
            <TextField
              label="From"
              name="from"
              type="date"
              value={values.from}
              onChange={set('from')}
              error={errors.from}
            />
            <TextField
              label="To"
              name="to"
              type="date"
              value={values.to}
              onChange={set('to')}
              error={errors.to}
            />
          </>
        )}
        <RadioGroup
          label="Paper"
          name="paper"
          value={values.paper}
          onChange={set('paper')}
          options={paperOptions}
          error={errors.paper}
        />
        <CheckboxField
          label="Put in my own private entries too"
          name="mine"
          checked={values.mine}
          onChange={set('mine')}
          hint="Then only you will see this book. Other people’s private entries are never in a book."
          error={errors.withMyPrivateEntries}
        />
        <p className="meta">
          Drawings kept for the parents are in the book, since only parents can make one.
        </p>
        {offered.isPending && offered.fetchStatus !== 'idle' && (
          <p role="status">Finding what these days hold…</p>
        )}
        {offered.data && (
          <BookChoice offered={offered.data} leftOut={leftOut} onChange={setLeftOut} error={choiceError} />
        )}
        <button type="submit" className="button" disabled={form.submitting}>
          Make the book
        </button>
      </form>
    </section>
  );
}

/** The book's first and last day, from a year or two dates. */
const daysOf = (v: { span: Span; year: string; from: string; to: string }) => ({
  from: v.span === 'year' ? `${v.year}-01-01` : v.from,
  to: v.span === 'year' ? `${v.year}-12-31` : v.to,
});

function BookCard({ book, name, onRemove }: { book: Book; name: string; onRemove: () => void }) {
  const range = formatDateRange(book.from, book.to) ?? formatDate(book.from);
  return (
    <>
      <h3 className="card-title">{range}</h3>
      <p className="meta">
        {book.paper === 'A4' ? 'A4' : 'US Letter'} · asked for{' '}
        {book.askedByName ? `by ${book.askedByName} ` : ''}
        {formatInstant(book.createdAt)}
        {book.privateToAsker && ' · only you can see this one'}
      </p>
      <BookProgress book={book} name={name} />
      <div className="button-row">
        {book.fileUrl && (
          <a className="button small" href={book.fileUrl} download>
            Download the book
          </a>
        )}
        {(book.state === 'ready' || book.state === 'failed') && (
          <button type="button" className="button quiet small" onClick={onRemove}>
            Remove <span className="visually-hidden">the book for {range}</span>
          </button>
        )}
      </div>
    </>
  );
}

function BookProgress({ book, name }: { book: Book; name: string }) {
  switch (book.state) {
    case 'waiting':
      return <p role="status">Getting ready to make {possessive(name)} book…</p>;
    case 'making':
      return (
        <div role="status">
          <p>
            Making {possessive(name)} book… {book.pagesDone}
            {book.pagesTotal ? ` of about ${book.pagesTotal}` : ''} pages
          </p>
          <progress
            max={book.pagesTotal ?? undefined}
            value={book.pagesDone}
            aria-label={`Making ${possessive(name)} book`}
          />
        </div>
      );
    case 'ready':
      return (
        <p>
          Ready{book.readyAt ? ` since ${formatInstant(book.readyAt)}` : ''}: a PDF of {book.pagesTotal}{' '}
          pages, {formatMegabytes(book.byteSize ?? 0)}.
        </p>
      );
    case 'failed':
      return <p>This book could not be made. You could ask for it again, perhaps for fewer days.</p>;
  }
}
