import { useEffect, useRef, useState } from 'react';
import { voiceNoteLimits } from '../../../contracts/memory-box.js';
import { FormNotice } from '../../components/Notice.js';
import { messageOf } from '../../lib/api.js';
import { useAddVoiceNote } from './mutations.js';
import { lengthWords } from './words.js';

// Recording a short voice note with the phone's microphone (MediaRecorder): WebM/Opus where the
// browser makes it (Chrome, Firefox), MP4 otherwise (Safari). Where recording is not possible, or
// the microphone is not allowed, it says so kindly and offers the other ways. It stops by itself at
// the cap; "Not today" is always there.

const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];
const canRecord = () =>
  typeof window !== 'undefined' &&
  'MediaRecorder' in window &&
  typeof navigator.mediaDevices?.getUserMedia === 'function';

type State =
  | { step: 'ready' }
  | { step: 'recording'; recorder: MediaRecorder }
  | { step: 'recorded'; recording: Blob; url: string }
  | { step: 'no-microphone' };

export function RecordVoiceNote({
  lovedOneId,
  owner,
  name,
  big = false,
  onDone,
}: {
  lovedOneId: string;
  /** Whose it is on this phone, should it wait for signal (lib/uploads.ts). */
  owner: string;
  name: string;
  big?: boolean;
  onDone: () => void;
}) {
  const add = useAddVoiceNote(owner);
  const [state, setState] = useState<State>({ step: 'ready' });
  const timer = useRef<number | undefined>(undefined);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const button = big ? 'button child-button' : 'button';
  const quiet = big ? 'button secondary child-button' : 'button quiet';
  const words = big ? 'child-words' : undefined;
  const cap = lengthWords(voiceNoteLimits.maxSeconds);

  // Leaving the page stops a recording (and the microphone) and its timer.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (recorderRef.current?.state === 'recording') recorderRef.current.stop();
    },
    [],
  );
  // A listened-to recording's address is let go once it is kept or recorded again.
  const url = state.step === 'recorded' ? state.url : null;
  useEffect(
    () => () => {
      if (url !== null) URL.revokeObjectURL(url);
    },
    [url],
  );

  if (!canRecord())
    return (
      <div className="stack">
        <p className={words}>This phone can’t record sound here. You could add a drawing or write instead.</p>
        <p>
          <button type="button" className={quiet} onClick={onDone}>
            Back
          </button>
        </p>
      </div>
    );

  async function start() {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setState({ step: 'no-microphone' });
      return;
    }
    const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    recorder.onstop = () => {
      window.clearTimeout(timer.current);
      for (const track of stream.getTracks()) track.stop();
      const recording = new Blob(chunks, { type: recorder.mimeType || mimeType || 'audio/webm' });
      setState({ step: 'recorded', recording, url: URL.createObjectURL(recording) });
    };
    recorderRef.current = recorder;
    recorder.start(1000);
    timer.current = window.setTimeout(() => recorder.stop(), voiceNoteLimits.maxSeconds * 1000);
    setState({ step: 'recording', recorder });
  }

  return (
    <div className="stack">
      <div role="status" className={words}>
        {state.step === 'ready' && (
          <p>
            You can say something to {name}, for up to {cap}.
          </p>
        )}
        {state.step === 'recording' && <p>Recording… Tap “Stop” when you have finished.</p>}
        {state.step === 'recorded' && <p>Here is your voice note. You can listen before you keep it.</p>}
        {state.step === 'no-microphone' && (
          <p>We couldn’t use the microphone. That’s all right: you can add a drawing or write instead.</p>
        )}
        {add.isPending && <p>Keeping the voice note…</p>}
      </div>
      {state.step === 'recorded' && <audio controls src={state.url} aria-label="Your voice note" />}
      {add.isError && <FormNotice message={messageOf(add.error)} />}
      <div className={big ? 'child-buttons' : 'button-row'}>
        {state.step === 'ready' && (
          <button type="button" className={button} onClick={() => void start()}>
            Start recording
          </button>
        )}
        {state.step === 'recording' && (
          <button type="button" className={button} onClick={() => state.recorder.stop()}>
            Stop
          </button>
        )}
        {state.step === 'recorded' && (
          <>
            <button
              type="button"
              className={button}
              disabled={add.isPending}
              onClick={() => add.mutate({ lovedOneId, recording: state.recording }, { onSuccess: onDone })}
            >
              Put it in the memory box
            </button>
            <button type="button" className={quiet} onClick={() => setState({ step: 'ready' })}>
              Record again
            </button>
          </>
        )}
        <button type="button" className={quiet} onClick={onDone}>
          Not today
        </button>
      </div>
    </div>
  );
}
