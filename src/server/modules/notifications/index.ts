import { defineModule } from '../module.js';
import { disabledMailer, smtpMailer } from './mailer.js';

export type { Mailer, OutgoingMail } from './mailer.js';
export { escapeHtml, plainMail, type PlainMail } from './plain-mail.js';

/** The mailer: SMTP when configured, otherwise e-mail is off. */
export const notificationsModule = defineModule({
  name: 'notifications',
  needs: [],
  build({ config }) {
    return { services: config.smtp ? smtpMailer(config.smtp) : disabledMailer };
  },
});
