import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  parsed: ParsedMail;
  raw: string;
}

/** The mailboxes of the test SMTP servers running in this process (see `takeMail`). */
const mailboxes = new Set<ReceivedMail[]>();

/**
 * Takes out of whichever running test server received it the latest message to `to` whose text
 * matches `pattern`, and answers the match; undefined while there is none. The factories use it to
 * open the link that finishes a sign-up where e-mail is on, leaving the mailbox as the test expects.
 */
export function takeMail(to: string, pattern: RegExp): RegExpExecArray | undefined {
  for (const received of mailboxes) {
    const index = received.findLastIndex((m) => m.to.includes(to) && pattern.test(m.parsed.text ?? ''));
    if (index === -1) continue;
    const [mail] = received.splice(index, 1);
    return pattern.exec(mail!.parsed.text ?? '') ?? undefined;
  }
  return undefined;
}

export interface SmtpServer {
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on a free local port that keeps every message it accepts. */
export async function startSmtpServer(options: { delayMs?: number } = {}): Promise<SmtpServer> {
  const received: ReceivedMail[] = [];
  mailboxes.add(received);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then(async (parsed) => {
            if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  // A client that dies mid-message (reminders-crash kills an app with SIGKILL) resets its
  // connection; smtp-server reports that as an 'error' event, which with no listener would be an
  // uncaught exception in the test run. A reset is what such a test causes on purpose; anything
  // else is still thrown.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
    throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}?tls=off`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        mailboxes.delete(received);
        server.close(() => resolve());
      }),
  };
}
