import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { exactChoice, normalise, rankChoices } from '../lib/choices.js';
import type { Choice } from '../lib/places.js';
import { FieldMessage } from './fields.js';

// A searchable list (the ARIA 1.2 combobox pattern with a list box): type to narrow, arrows to move,
// Enter to choose, Escape to close. The value is the option's value (a country code, a zone, an
// airline code). People type names, codes and the words they use ("UK", "England", "BA"): an option's
// keywords carry those. Text that matches no option is never dropped quietly: the field says so and
// tells the form (`onUnmatched`), which then refuses to save until it is fixed or cleared.

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
  /** Told when the typed text matches no option (the message shown), and when that is fixed (null). */
  onUnmatched?: (problem: string | null) => void;
  /** What to say about typed text that matches nothing; the default asks to choose from the list. */
  notFound?: (text: string) => string;
  /** Told of each keystroke's text: for choices asked of the server as the person types. */
  onTextChange?: (text: string) => void;
  /**
   * A field that also takes free text (a town not in the gazetteer): text that matches no option is
   * kept, handed over here, and shown as `freeText` while no option is chosen. Never "unmatched".
   */
  freeText?: { text: string; onChange: (text: string) => void; noMatches: (text: string) => string };
}

const MAX_SHOWN = 60;

const defaultNotFound = (optional: boolean | undefined) => (text: string) =>
  `We don’t know “${text}” here. Please choose from the suggestions${optional ? ', or clear the field' : ''}.`;

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
  onUnmatched,
  notFound,
  onTextChange,
  freeText,
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
  // Typed text that matched nothing when the person left the field; shown until it is fixed.
  const [unmatched, setUnmatched] = useState<string | null>(null);
  const shownText = text ?? selected?.label ?? freeText?.text ?? '';

  const matches = useMemo(() => {
    const first = new Set(suggested ?? []);
    const ordered = first.size
      ? [...choices.filter((c) => first.has(c.value)), ...choices.filter((c) => !first.has(c.value))]
      : choices;
    return rankChoices(ordered, text ?? '').slice(0, MAX_SHOWN);
  }, [choices, suggested, text]);

  const understood = () => {
    if (unmatched === null) return;
    setUnmatched(null);
    onUnmatched?.(null);
  };

  const choose = (choice: Choice) => {
    onChange(choice.value);
    setText(null);
    setOpen(false);
    understood();
  };

  /**
   * Leaving the field: text naming one option exactly counts as choosing it; empty text clears the
   * field; any other text stays, with a message, and the form is told so it will not save without it.
   */
  const settle = () => {
    setOpen(false);
    if (text === null) return;
    if (normalise(text) === '') {
      onChange('');
      setText(null);
      understood();
      return;
    }
    const exact = exactChoice(choices, text);
    if (exact) return choose(exact);
    if (freeText) {
      onChange('');
      freeText.onChange(text.trim());
      setText(null);
      return;
    }
    const problem = (notFound ?? defaultNotFound(optional))(text.trim());
    onChange('');
    setUnmatched(problem);
    onUnmatched?.(problem);
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
  const shownError = error ?? (open ? undefined : (unmatched ?? undefined));
  const activeChoice = showList ? matches[active] : undefined;
  const activeId = activeChoice ? `${listId}-${activeChoice.value}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  // A field that goes away (a question no longer asked once the answer above changed) takes the
  // text it could not understand with it: a form never refuses to save over a field no one can see.
  const latestOnUnmatched = useRef(onUnmatched);
  useEffect(() => {
    latestOnUnmatched.current = onUnmatched;
  });
  useEffect(() => () => latestOnUnmatched.current?.(null), []);

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
          aria-invalid={shownError ? true : undefined}
          aria-required={optional ? undefined : true}
          aria-describedby={[hint && hintId, shownError && errorId].filter(Boolean).join(' ') || undefined}
          value={shownText}
          onChange={(e) => {
            setText(e.target.value);
            onTextChange?.(e.target.value);
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
          {freeText
            ? freeText.noMatches(text ?? '')
            : `Nothing matches “${text}”. Please try another spelling.`}
        </p>
      )}
      <FieldMessage id={errorId} error={shownError} />
    </div>
  );
}
