import { useId } from 'react';
import { Link } from 'react-router';
import type { InboxItem } from '../../../contracts/remembrance.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { momentPhrase } from '../../lib/format.js';
import { useProblem } from '../../lib/problems.js';
import { useInbox } from '../../lib/queries.js';
import { changeKeys, useMarkAllRead, useMarkRead } from './mutations.js';

/** The reminders that reached this person in the app, newest first. */
export function InboxPage() {
  const inbox = useInbox();
  const markAll = useMarkAllRead();
  // One notice for the page's changes: the latest one's problem, if it failed.
  const { problem, clear } = useProblem(changeKeys.inbox);

  const unread = inbox.data?.unread ?? 0;
  return (
    <Page
      title="Reminders"
      lead={<p>Gentle reminders before the days that matter and the moments of your trips.</p>}
      actions={
        <Link className="button secondary small" to="/settings/reminders">
          Reminder settings
        </Link>
      }
    >
      {problem && (
        <Notice tone="warm" alert>
          <p>{problem}</p>
        </Notice>
      )}
      {!inbox.data ? (
        inbox.isError ? (
          <LoadError error={inbox.error} what="your reminders" onRetry={() => void inbox.refetch()} />
        ) : (
          <Loading label="Loading your reminders…" />
        )
      ) : inbox.data.items.length === 0 ? (
        <EmptyState
          title="No reminders yet"
          action={
            <Link className="button secondary" to="/calendar">
              Open the calendar
            </Link>
          }
        >
          <p>When a day that matters comes near, a gentle reminder appears here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="section-head">
            <p className="meta" role="status">
              {unread === 0 ? 'All read.' : unread === 1 ? 'One new reminder.' : `${unread} new reminders.`}
            </p>
            {unread > 0 && (
              <button
                type="button"
                className="button secondary small"
                disabled={markAll.isPending}
                onClick={() => {
                  clear();
                  markAll.mutate();
                }}
              >
                Mark all as read
              </button>
            )}
          </div>
          <ul className="card-list">
            {inbox.data.items.map((item) => (
              <Reminder key={item.id} item={item} onStart={clear} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function Reminder({ item, onStart }: { item: InboxItem; onStart: () => void }) {
  const titleId = useId();
  const markRead = useMarkRead();
  const unread = item.readAt === null;

  return (
    <li className={`card reminder${unread ? ' unread' : ''}`} aria-labelledby={titleId}>
      <div className="check-head">
        <h2 id={titleId} className="card-title">
          {item.title}
        </h2>
        {unread && <span className="tag">New</span>}
      </div>
      <p>{item.body}</p>
      {item.photo && (
        <a href={item.photo.url} target="_blank" rel="noreferrer">
          <img
            className="supporter-photo"
            src={item.photo.thumbnailUrl}
            alt={`The photo that came with “${item.title}”`}
            loading="lazy"
          />
        </a>
      )}
      <p className="meta">
        Sent <time dateTime={item.createdAt}>{momentPhrase(item.createdAt)}</time>
      </p>
      <div className="button-row">
        {item.link?.startsWith('/') && (
          <Link className="button secondary small" to={item.link}>
            Open<span className="visually-hidden"> “{item.title}”</span>
          </Link>
        )}
        {unread && (
          <button
            type="button"
            className="button quiet small"
            disabled={markRead.isPending}
            onClick={() => {
              onStart();
              markRead.mutate(item);
            }}
          >
            Mark as read<span className="visually-hidden">: “{item.title}”</span>
          </button>
        )}
      </div>
    </li>
  );
}
