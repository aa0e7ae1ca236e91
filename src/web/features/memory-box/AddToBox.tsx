import { useState } from 'react';
import { letterPrompts } from '../../../contracts/memory-box.js';
import { TextArea } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { isApiError, messageOf } from '../../lib/api.js';
import { useAddDrawing, useAddLetter } from './mutations.js';

// Adding to a loved one's box: a photo of a drawing (camera or library), or a letter begun from one
// of the charities' openings, shown one at a time, or a blank page. "Not today" is always there and
// nothing is said about it. `big` gives child mode's large targets. A drawing added with no signal is
// kept on this phone and saved when signal returns (`owner`: whose it is, lib/uploads.ts).

const fieldOf = (error: unknown, field: string): string | undefined =>
  error ? (isApiError(error) && error.fields[field]) || messageOf(error) : undefined;

/** Said when a drawing or a voice note waits on the phone for signal. */
export const KEPT_ON_PHONE = 'Kept on this phone; it is saved when you are back online.';

export function AddDrawing({
  lovedOneId,
  owner,
  big = false,
}: {
  lovedOneId: string;
  owner: string;
  big?: boolean;
}) {
  const add = useAddDrawing(owner);
  return (
    <div className="stack">
      {/* The input sits inside its label, so the big button is the file chooser and shows its focus. */}
      <label className={big ? 'button child-button file-button' : 'button secondary file-button'}>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={add.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) add.mutate({ lovedOneId, file });
          }}
        />
        Add a photo of a drawing
      </label>
      <div role="status" className={big ? 'child-words' : undefined}>
        {add.isPending && <p>Keeping the drawing…</p>}
        {add.data === 'saved' && <p>The drawing is in the memory box.</p>}
        {add.data === 'kept' && <p>{KEPT_ON_PHONE}</p>}
      </div>
      {add.isError && <FormNotice message={messageOf(add.error)} />}
    </div>
  );
}

export function WriteLetter({
  lovedOneId,
  name,
  big = false,
  onDone,
}: {
  lovedOneId: string;
  name: string;
  big?: boolean;
  onDone: () => void;
}) {
  const add = useAddLetter();
  const [promptIndex, setPromptIndex] = useState(0);
  const [blank, setBlank] = useState(false);
  const [text, setText] = useState('');
  const prompt = blank ? null : letterPrompts[promptIndex % letterPrompts.length]!;
  const buttonClass = big ? 'button child-button' : 'button';
  const quietClass = big ? 'button secondary child-button' : 'button quiet';
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ lovedOneId, body: { prompt, text } }, { onSuccess: onDone });
      }}
    >
      <p className={big ? 'child-words memory-prompt' : 'memory-prompt'}>{prompt ?? `Dear ${name},`}</p>
      <TextArea
        label={prompt ? 'Carry on from here' : 'Your letter'}
        name="letter"
        rows={6}
        maxLength={10_000}
        value={text}
        onChange={setText}
        error={fieldOf(add.error, 'text') ?? fieldOf(add.error, 'prompt')}
      />
      <div className={big ? 'child-buttons' : 'button-row'}>
        <button type="submit" className={buttonClass} disabled={add.isPending}>
          Put it in the memory box
        </button>
        {!blank && (
          <button type="button" className={quietClass} onClick={() => setPromptIndex(promptIndex + 1)}>
            A different start
          </button>
        )}
        <button type="button" className={quietClass} onClick={() => setBlank(!blank)}>
          {blank ? 'Start from an opening' : 'A blank page'}
        </button>
        <button type="button" className={quietClass} onClick={onDone}>
          Not today
        </button>
      </div>
    </form>
  );
}
