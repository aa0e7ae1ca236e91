import { pgListener, type PgListener } from '../../../db/listen.js';
import { FAMILY_NOTICE_CHANNEL } from '../../family-changes.js';
import { defineModule } from '../module.js';
import { liveHub, type LiveHub } from './live.hub.js';
import { liveRoutes } from './live.routes.js';

export type { LiveHub } from './live.hub.js';

export interface LiveServices {
  hub: LiveHub;
}

/** "<familyId> <revision>", as family-changes.ts sends it. */
function parseNotice(payload: string): { familyId: string; revision: number } | null {
  const [familyId, revision] = payload.split(' ');
  const value = Number(revision);
  return familyId && Number.isSafeInteger(value) ? { familyId, revision: value } : null;
}

/**
 * Live notices to the family's open apps (GET /api/family/events): "the family changed, revision N",
 * so the other phone asks again for what it shows. On SQLite the one process tells its streams after
 * each commit; on PostgreSQL every change NOTIFYs inside its transaction and each instance LISTENs
 * on one dedicated connection (opened when its first stream opens, reconnecting when lost, catching
 * up its streams after), so a change made through any instance reaches streams on every instance.
 */
export const liveModule = defineModule({
  name: 'live',
  needs: ['accounts'],
  build({ config, changes }, use) {
    let listener: PgListener | null = null;
    const databaseUrl = config.databaseUrl;
    const hub = liveHub({
      accounts: use('accounts'),
      onFirstStream() {
        if (!databaseUrl) return;
        listener = pgListener({
          connectionString: databaseUrl,
          channel: FAMILY_NOTICE_CHANNEL,
          onNotice(payload) {
            const notice = parseNotice(payload);
            if (notice) hub.notify(notice.familyId, notice.revision);
          },
          // Changes committed before LISTEN was in force (or while it was lost) are caught up.
          onListening: () => hub.catchUp(),
        });
      },
    });
    if (!databaseUrl) changes.onCommitted((familyId, revision) => hub.notify(familyId, revision));
    return {
      services: { hub },
      routes: [(app) => app.register(liveRoutes, { hub })],
      async close() {
        hub.closeAll();
        await listener?.close();
      },
    };
  },
});
