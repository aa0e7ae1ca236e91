import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Choice } from '../lib/places.js';
import { FieldMessage } from './fields.js';

// A searchable list (the ARIA 1.2 combobox pattern with a list box): type to narrow, arrows to move,
// Enter to choose, Escape to close. The value is the option's value (a country code, a zone).

interface ComboboxProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  /** Shown first, before the alphabetical list (e.g. the zones of the chosen country). */
  suggested?: readonly string[];
  error?: string | undefined;
  hint?: string;
  optional?: boolean;
}

const MAX_SHOWN = 60;
const normalise = (text: string) =>
  text
    .toLocaleLowerCase('en')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_/]/g, ' ')
    .trim();

export function Combobox({
  label,
  name,
  value,
  onChange,
  choices,
  suggested,
  error,
  hint,
  optional,
}: ComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = useRef<HTMLInputElement>(null);

  const selected = choices.find((c) => c.value === value);
  const [text, setText] = useState<string | null>(null); // null: show the chosen option's label
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shownText = text ?? selected?.label ?? '';

  const matches = useMemo(() => {
    const query = normalise(text ?? '');
    const first = new Set(suggested ?? []);
    const ordered = first.size
      ? [...choices.filter((c) => first.has(c.value)), ...choices.filter((c) => !first.has(c.value))]
      : choices;
    if (!query) return ordered.slice(0, MAX_SHOWN);
    const starts: Choice[] = [];
    const contains: Choice[] = [];
    for (const choice of ordered) {
      const hay = normalise(`${choice.label} ${choice.keywords ?? ''}`);
      const labelText = normalise(choice.label);
      if (labelText.startsWith(query) || normalise(choice.keywords ?? '') === query) starts.push(choice);
      else if (hay.includes(query)) contains.push(choice);
    }
    return [...starts, ...contains].slice(0, MAX_SHOWN);
  }, [choices, suggested, text]);

  const choose = (choice: Choice) => {
    onChange(choice.value);
    setText(null);
    setOpen(false);
  };

  /** Leaving the field: an exact match counts as chosen; other text stays so the person can fix it. */
  const settle = () => {
    setOpen(false);
    if (text === null) return;
    const query = normalise(text);
    if (query === '') {
      onChange('');
      setText(null);
      return;
    }
    const exact = choices.find((c) => normalise(c.label) === query || normalise(c.value) === query);
    if (exact) choose(exact);
    else onChange('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      const choice = matches[active];
      if (open && choice) {
        event.preventDefault();
        choose(choice);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else if (text !== null) {
        setText(null);
      }
    }
  };

  const showList = open && matches.length > 0;
  const activeChoice = showList ? matches[active] : undefined;
  const activeId = activeChoice ? `${listId}-${activeChoice.value}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <div className="field combobox">
      <label className="field-label" id={labelId} htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="combobox-box">
        <input
          ref={input}
          id={id}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-required={optional ? undefined : true}
          aria-describedby={[hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined}
          value={shownText}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(e) => e.target.select()}
          onClick={() => setOpen(true)}
          onBlur={settle}
          onKeyDown={onKeyDown}
        />
        <ul className="combobox-list" id={listId} role="listbox" aria-labelledby={labelId} hidden={!showList}>
          {showList &&
            matches.map((choice, index) => (
              <li
                key={choice.value}
                id={`${listId}-${choice.value}`}
                role="option"
                aria-selected={choice.value === value}
                className={index === active ? 'active' : undefined}
                // Keep focus in the input so the choice lands before blur settles the text.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  choose(choice);
                  input.current?.focus();
                }}
              >
                {choice.label}
              </li>
            ))}
        </ul>
      </div>
      {open && matches.length === 0 && (
        <p className="field-hint" role="status">
          Nothing matches “{text}”. Please try another spelling.
        </p>
      )}
      <FieldMessage id={errorId} error={error} />
    </div>
  );
}
