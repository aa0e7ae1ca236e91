import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { tributeSizeNames, type Tribute } from '../../../contracts/tributes.js';
import { useCan } from '../../app/session.js';
import { TextArea } from '../../components/fields.js';
import { Notice } from '../../components/Notice.js';
import { Loading, LoadError, Page } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useSaveTribute, useTribute } from './mutations.js';
import { canShareFiles, pictureFileName, pictureHref, sharePicture } from './share.js';
import { ShareLinks } from './ShareLinks.js';
import { sizeWords } from './words.js';

/** The three pictures, drawn by the server from what the family chose. */
function Previews({ tribute }: { tribute: Tribute }) {
  const alt = [tribute.lovedOneName, tribute.datesLine, tribute.words].filter(Boolean).join('. ');
  return (
    <section aria-labelledby="pictures-heading">
      <h2 id="pictures-heading">The pictures</h2>
      <div className="tribute-previews">
        {tributeSizeNames.map((size) => (
          <figure key={size}>
            <img src={pictureHref(tribute.id, size)} alt={alt} />
            <figcaption>{sizeWords[size]}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}

/** The caption, suggested and the family's to change. */
function Caption({ tribute, write }: { tribute: Tribute; write: boolean }) {
  const [caption, setCaption] = useState(tribute.caption);
  const [copied, setCopied] = useState(false);
  const save = useSaveTribute();
  const body = {
    lovedOneId: tribute.lovedOneId,
    mediaId: tribute.mediaId,
    background: tribute.background,
    words: tribute.words,
    wording: tribute.wording,
    forDate: tribute.forDate,
  };
  return (
    <section aria-labelledby="caption-heading">
      <h2 id="caption-heading">The caption</h2>
      {save.isError && <Notice tone="calm">{messageOf(save.error)}</Notice>}
      {write ? (
        <TextArea
          label="Words to go with the picture"
          name="caption"
          rows={5}
          maxLength={1000}
          value={caption}
          onChange={setCaption}
        />
      ) : (
        <p style={{ whiteSpace: 'pre-line' }}>{tribute.caption}</p>
      )}
      <div className="button-row">
        {write && (
          <button
            type="button"
            className="button secondary"
            disabled={save.isPending || caption === tribute.caption}
            onClick={() => save.mutate({ tributeId: tribute.id, body: { ...body, caption } })}
          >
            Keep this caption
          </button>
        )}
        {write && caption !== tribute.suggestedCaption && (
          <button type="button" className="button quiet" onClick={() => setCaption(tribute.suggestedCaption)}>
            Go back to the suggested caption
          </button>
        )}
        <button
          type="button"
          className="button quiet"
          onClick={() => void navigator.clipboard?.writeText(caption).then(() => setCopied(true))}
        >
          Copy the caption
        </button>
      </div>
      <p aria-live="polite" className="meta">
        {copied ? 'The caption is copied.' : ''}
      </p>
    </section>
  );
}

/** Share step: the system share sheet where the phone has one, a download everywhere else. */
function Share({ tribute }: { tribute: Tribute }) {
  const [sheet] = useState(canShareFiles);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section aria-labelledby="share-heading">
      <h2 id="share-heading">Share</h2>
      <p>
        {sheet
          ? 'Choose a picture and your phone will ask where to send it: Instagram, Messages or anywhere else. Nothing is posted until you post it.'
          : 'Download a picture to post or send it yourself. Nothing is posted for you.'}{' '}
        The caption above goes with it: copy it, then paste it where you post.
      </p>
      {problem && <Notice tone="calm">{problem}</Notice>}
      <ul className="tribute-share">
        {tributeSizeNames.map((size) => {
          const fileName = pictureFileName(tribute.lovedOneName, size);
          const what = sizeWords[size].split(' (')[0]!.toLowerCase();
          return (
            <li key={size} className="button-row">
              {sheet && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    void sharePicture(tribute.id, size, fileName, tribute.caption).catch(() =>
                      setProblem('The picture could not be shared just now. You can download it instead.'),
                    )
                  }
                >
                  Share the {what} picture
                </button>
              )}
              <a
                className={sheet ? 'button secondary' : 'button'}
                href={pictureHref(tribute.id, size)}
                download={fileName}
              >
                Download the {what} picture
              </a>
              <span className="meta">{sizeWords[size]}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function TributePage() {
  const { tributeId = '' } = useParams();
  const query = useTribute(tributeId);
  const write = useCan('tributes.write');
  const share = useCan('tributes.share');

  if (query.isPending)
    return (
      <Page title="A tribute" heading="Loading…" busy>
        <Loading />
      </Page>
    );
  if (query.isError)
    return (
      <Page title="A tribute" heading="A tribute">
        <LoadError
          error={query.error}
          what="this tribute"
          onRetry={() => void query.refetch()}
          back={{ to: '/loved-ones', label: 'Back to loved ones' }}
        />
      </Page>
    );
  const { tribute } = query.data;
  return (
    <Page title={`A tribute for ${tribute.lovedOneName}`} lead={<p>For {formatDate(tribute.forDate)}</p>}>
      <p>
        <Link to={`/loved-ones/${tribute.lovedOneId}/tributes`}>
          All of {tribute.lovedOneName}’s tributes
        </Link>
      </p>
      <Previews tribute={tribute} />
      <Caption key={tribute.updatedAt} tribute={tribute} write={write} />
      <Share tribute={tribute} />
      {share && <ShareLinks tribute={tribute} />}
    </Page>
  );
}
