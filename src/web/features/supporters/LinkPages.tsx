import { useState } from 'react';
import { MAX_REPLY, supporterPhotoLimits, supporterReplyBody } from '../../../contracts/supporters.js';
import { TextArea } from '../../components/fields.js';
import { PhotoPicker } from '../../components/PhotoPicker.js';
import { FormNotice, Notice } from '../../components/Notice.js';
import { Loading, Page } from '../../components/Page.js';
import { useForm } from '../../components/useForm.js';
import { messageOf } from '../../lib/api.js';
import { photoProblem } from '../../lib/uploads.js';
import { useSupporterToken } from './link-token.js';
import { useConfirmSupporter, useReplyPreview, useSendReply, useStopSupporterEmails } from './mutations.js';

// What a supporter sees: only what the family wrote to them, never anything else of the family.
// Each page waits for a press rather than acting on opening, so a mail program that opens links
// to check them changes nothing.

/** A supporter's photo is smaller than a family member's may be (contracts/supporters.ts). */
const supporterPhotoProblem = (file: File): string | null =>
  photoProblem(file) ??
  (file.size > supporterPhotoLimits.maxUploadBytes
    ? `That photo is larger than ${supporterPhotoLimits.maxUploadBytes / (1024 * 1024)} MB. Please choose a smaller one.`
    : null);

/** The file's bytes in base64, as the reply carries its photo. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('The photo could not be read.'));
    reader.readAsDataURL(file);
  });
}

function NeedsLink() {
  return (
    <Notice title="This page needs the link from your e-mail">
      <p>Please open the link in the e-mail again.</p>
    </Notice>
  );
}

export function SupporterConfirmPage() {
  const token = useSupporterToken();
  const confirm = useConfirmSupporter();
  return (
    <Page title="Would you like to be there on these days?">
      {!token ? (
        <NeedsLink />
      ) : confirm.isSuccess ? null : (
        <div className="stack">
          <FormNotice message={confirm.isError ? messageOf(confirm.error) : null} />
          <p>
            A family you know would like to let you know before a few days that matter to them, with a small
            suggestion of how you could be there. You need no account.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate(token)}
            >
              {confirm.isPending ? 'Saying yes…' : 'Yes, I would like to be there'}
            </button>
          </div>
        </div>
      )}
      <div role="status">
        {confirm.isSuccess && (
          <Notice tone="done" title={`Thank you, ${confirm.data.name}`}>
            <p>
              Before {confirm.data.days === 1 ? 'the day' : `each of the ${confirm.data.days} days`}{' '}
              {confirm.data.addedBy} chose, you will get one short e-mail with their suggestion, and a link to
              send them a few words if you like. Nothing else.
            </p>
            <p>To stop, use the link at the foot of any of those e-mails; it works at once.</p>
          </Notice>
        )}
      </div>
    </Page>
  );
}

export function SupporterReplyPage() {
  const token = useSupporterToken();
  const preview = useReplyPreview(token);
  const send = useSendReply();
  const [sent, setSent] = useState(false);
  const [photo, setPhoto] = useState<File | null>(null);
  const form = useForm({
    initial: { message: '' },
    schema: supporterReplyBody,
    toBody: (v) => ({ token: token ?? '', message: v.message }),
    onSubmit: async (body) => {
      await send.mutateAsync(photo ? { ...body, photo: await base64Of(photo) } : body);
      setSent(true);
    },
  });
  return (
    <Page title="Send a few words">
      {!token ? (
        <NeedsLink />
      ) : preview.isPending ? (
        <Loading label="Opening…" lines={1} />
      ) : preview.isError ? (
        <Notice title="This link no longer works">
          <p>{messageOf(preview.error)}</p>
        </Notice>
      ) : sent || preview.data.alreadyReplied ? (
        <div role="status">
          <Notice tone="done" title="Thank you">
            <p>Your words are with the family. They will see them soon.</p>
          </Notice>
        </div>
      ) : (
        <div className="stack">
          <p>The family wrote to you:</p>
          <blockquote>{preview.data.suggestion}</blockquote>
          <form className="stack" noValidate onSubmit={(e) => void form.handleSubmit(e)}>
            <FormNotice message={form.message} />
            <TextArea
              label="Your message"
              name="message"
              rows={5}
              maxLength={MAX_REPLY}
              value={form.values.message}
              onChange={form.set('message')}
              error={form.errors.message}
              hint="A few words are plenty. A parent reads it first, then shares it with the family."
            />
            <PhotoPicker
              label="Add a photo"
              optional
              value={photo}
              onChange={setPhoto}
              check={supporterPhotoProblem}
              error={form.errors.photo}
              hint="One photo, if you would like to: a candle, a place, anything of the day. The family sees it only if a parent accepts it."
              previewAlt="The photo you chose to send"
            />
            <div className="form-actions">
              <button type="submit" className="button" disabled={form.submitting}>
                {form.submitting ? 'Sending…' : 'Send to the family'}
              </button>
            </div>
          </form>
        </div>
      )}
    </Page>
  );
}

export function SupporterStopPage() {
  const token = useSupporterToken();
  const stop = useStopSupporterEmails();
  return (
    <Page title="Stop these e-mails?">
      {!token ? (
        <NeedsLink />
      ) : stop.isSuccess ? null : (
        <div className="stack">
          <FormNotice message={stop.isError ? messageOf(stop.error) : null} />
          <p>You will get no more e-mails from this family through Alongside. Nothing else changes.</p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={stop.isPending}
              onClick={() => stop.mutate(token)}
            >
              {stop.isPending ? 'Stopping…' : 'Stop these e-mails'}
            </button>
          </div>
        </div>
      )}
      <div role="status">
        {stop.isSuccess && (
          <Notice tone="done" title="No more e-mails">
            <p>You will not get these e-mails any more. Thank you for being there.</p>
          </Notice>
        )}
      </div>
    </Page>
  );
}
