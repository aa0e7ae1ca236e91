import { expect, it } from 'vitest';

it('zod, loaded after zod-jitless, builds interpreted parsers (no new Function under the CSP)', async () => {
  await import('./zod-jitless.js');
  const { z } = await import('zod');
  expect(z.config().jitless).toBe(true);
});
