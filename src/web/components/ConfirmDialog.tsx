import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface Question {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
}

/**
 * Asks before something that cannot be taken back. A native modal <dialog> keeps focus inside and
 * closes on Escape; the safe choice (cancel) is the primary button and has focus first. `ask`
 * resolves true only on confirm.
 */
export function useConfirm(): [ReactNode, (question: Question) => Promise<boolean>] {
  const [question, setQuestion] = useState<Question | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);

  const ask = useCallback(
    (q: Question) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setQuestion(q);
      }),
    [],
  );

  const answer = useCallback((value: boolean) => {
    resolver.current?.(value);
    resolver.current = null;
    setQuestion(null);
  }, []);

  const element = question ? <ConfirmDialog question={question} onAnswer={answer} /> : null;
  return [element, ask];
}

function ConfirmDialog({ question, onAnswer }: { question: Question; onAnswer: (value: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const opener = useRef<Element | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    cancel.current?.focus();
    return () => {
      // Give focus back to what opened the question.
      const back = opener.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={question.body ? bodyId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {question.title}
      </h2>
      {question.body && (
        <div id={bodyId} className="dialog-body">
          {question.body}
        </div>
      )}
      {/* The safe choice is the filled, primary button and comes first; the step that cannot be
          taken back is the quieter one, so a hurried tap keeps things as they are. */}
      <div className="button-row">
        <button ref={cancel} type="button" className="button" onClick={() => onAnswer(false)}>
          {question.cancelLabel ?? 'Cancel'}
        </button>
        <button type="button" className="button secondary" onClick={() => onAnswer(true)}>
          {question.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
