import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FieldMessage } from './fields.js';

// Choosing a photo on a phone: the camera or the library (no `capture`, so the phone offers both),
// a preview, and a way to take it back out. Only JPEG, PNG and WebP are asked for, so iPhone Safari
// hands over a JPEG rather than HEIC. A file that is not one of those, or too large, is refused here
// with a kind sentence (the server checks again, from the bytes). No data fetching: the caller keeps
// the photo and decides what to do with it.

export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

interface PhotoPickerProps {
  /** "Add a photo". */
  label: string;
  value: File | null;
  onChange: (file: File | null) => void;
  /** Why a chosen file cannot be taken, or null: `photoProblem` in lib/uploads.ts. */
  check: (file: File) => string | null;
  /** A message from the server about this photo. */
  error?: string | undefined;
  optional?: boolean;
  hint?: string;
  /** Words for the preview's alt text: "The photo you chose for Water for Jack". */
  previewAlt: string;
}

export function PhotoPicker({
  label,
  value,
  onChange,
  check,
  error,
  optional,
  hint,
  previewAlt,
}: PhotoPickerProps) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  // After "Remove the photo" (which goes away), focus lands on the way to choose another.
  const refocus = useRef(false);
  const preview = usePreview(value);
  const message = problem ?? error;

  return (
    <div className="field photo-picker">
      {value && preview ? (
        <>
          <p className="field-label" id={`${id}-chosen`}>
            {label}
            {optional && <span className="optional"> (optional)</span>}
          </p>
          <img className="photo-preview" src={preview} alt={previewAlt} />
          <div className="button-row">
            <button
              type="button"
              className="button secondary small"
              aria-describedby={`${id}-chosen`}
              onClick={() => {
                refocus.current = true;
                onChange(null);
                setProblem(null);
              }}
            >
              Remove the photo
            </button>
          </div>
        </>
      ) : (
        <>
          <label className="field-label" htmlFor={id}>
            {label}
            {optional && <span className="optional"> (optional)</span>}
          </label>
          {hint && (
            <p className="field-hint" id={`${id}-hint`}>
              {hint}
            </p>
          )}
        </>
      )}
      {!value && (
        <input
          ref={(element) => {
            if (element && refocus.current) {
              refocus.current = false;
              element.focus();
            }
          }}
          id={id}
          type="file"
          accept={PHOTO_TYPES}
          className="photo-input"
          aria-invalid={message ? true : undefined}
          aria-describedby={
            [hint && `${id}-hint`, message && `${id}-error`].filter(Boolean).join(' ') || undefined
          }
          onChange={(e) => {
            const file = e.currentTarget.files?.[0] ?? null;
            const wrong = file && check(file);
            setProblem(wrong || null);
            if (wrong) e.currentTarget.value = '';
            onChange(file && !wrong ? file : null);
          }}
        />
      )}
      <FieldMessage id={`${id}-error`} error={message ?? undefined} />
    </div>
  );
}

/** An address for showing the chosen file, let go of when it changes or the picker goes. */
function usePreview(file: File | null): string | null {
  const url = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return url;
}
