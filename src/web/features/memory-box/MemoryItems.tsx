import type { ReactNode } from 'react';
import type { MemoryItem } from '../../../contracts/memory-box.js';
import { itemLabel, lengthWords } from './words.js';

// How the box shows what is in it: drawings as a calm gallery, each with its plaque (name, age,
// day), and letters with the opening they began from. `actions` adds a parent's controls to each.

export function Drawings({
  items,
  actions,
}: {
  items: readonly MemoryItem[];
  actions?: (item: MemoryItem) => ReactNode;
}) {
  return (
    <ul className="memory-gallery">
      {items.map((item) => (
        <li key={item.id}>
          <figure className="memory-drawing">
            <a href={item.imageUrl!} target="_blank" rel="noopener">
              <img src={item.thumbnailUrl!} alt={`A drawing by ${item.byName}`} loading="lazy" />
            </a>
            <figcaption>
              {itemLabel(item)}
              {item.parentsOnly && <span className="meta"> · Only the parents see this</span>}
            </figcaption>
          </figure>
          {actions?.(item)}
        </li>
      ))}
    </ul>
  );
}

export function Letters({
  items,
  actions,
}: {
  items: readonly MemoryItem[];
  actions?: (item: MemoryItem) => ReactNode;
}) {
  return (
    <ul className="memory-letters stack">
      {items.map((item) => (
        <li key={item.id} className="card stack">
          <article className="stack" aria-label={`A letter from ${item.byName}`}>
            {item.prompt && <p className="memory-prompt">{item.prompt}</p>}
            <p className="memory-letter-text">{item.text}</p>
            <p className="meta">
              {itemLabel(item)}
              {item.parentsOnly && ' · Only the parents see this'}
            </p>
          </article>
          {actions?.(item)}
        </li>
      ))}
    </ul>
  );
}

export function VoiceNotes({
  items,
  actions,
}: {
  items: readonly MemoryItem[];
  actions?: (item: MemoryItem) => ReactNode;
}) {
  return (
    <ul className="memory-letters stack">
      {items.map((item) => (
        <li key={item.id} className="card stack">
          <audio
            controls
            preload="none"
            src={item.audioUrl!}
            aria-label={`Voice note from ${item.byName}, ${lengthWords(item.audioSeconds ?? 0)}`}
          />
          <p className="meta">
            {itemLabel(item)} · {lengthWords(item.audioSeconds ?? 0)}
            {item.parentsOnly && ' · Only the parents see this'}
          </p>
          {actions?.(item)}
        </li>
      ))}
    </ul>
  );
}
