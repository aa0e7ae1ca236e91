import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per reminder and date, so a retried send is recognisably the same message. */
  messageId?: string;
  /**
   * One-click unsubscribe (RFC 8058): the URL a mail client may POST to. Left out of messages a
   * person asked for themselves (a link to choose a new password), which are not a subscription.
   */
  unsubscribeUrl?: string;
}

export interface Mailer {
  enabled: boolean;
  /** Sends one message; resolves once the SMTP server has accepted it. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** E-mail through any SMTP server, over a small pool of kept-open connections. */
export function smtpMailer(options: { url: string; from: string; poolSize: number }): Mailer {
  const url = new URL(options.url);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: options.poolSize,
    maxMessages: Infinity,
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    ...(url.username && {
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    }),
    // A local relay without TLS (tests, a home server's own MTA) is allowed when the URL says so.
    ignoreTLS: url.searchParams.get('tls') === 'off',
  });
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.messageId && { messageId: mail.messageId }),
        headers: {
          ...(mail.unsubscribeUrl && {
            'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }),
          'Auto-Submitted': 'auto-generated',
        },
      });
    },
    close: () => transport.close(),
  };
}

/** With no SMTP server configured, e-mail is off; reminders still arrive in the app. */
export const disabledMailer: Mailer = {
  enabled: false,
  send: () => Promise.reject(new Error('E-mail is not configured on this server (SMTP_URL is unset).')),
  close: () => undefined,
};
