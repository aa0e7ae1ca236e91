import Bowser from 'bowser';

// A short, human description of the browser a session started in, for "Where you're signed in":
// "Firefox on Android", "Safari on iPhone". Parsed by bowser (MIT, maintained, no dependencies)
// rather than by regular expressions of our own. Only what it names is kept, never the whole
// User-Agent; an empty or unknown one gives null, which the page shows as "A browser".

const MAX_USER_AGENT = 512; // longer ones are cut before parsing: no browser needs more
const MAX_DESCRIPTION = 60;

export function describeDevice(userAgent: string | undefined): string | null {
  const agent = userAgent?.slice(0, MAX_USER_AGENT).trim();
  if (!agent) return null;
  const parsed = Bowser.parse(agent);
  const browser = parsed.browser.name || null;
  const model = parsed.platform.model;
  // "iPhone" and "iPad" say more to a family than "iOS".
  const system = model === 'iPhone' || model === 'iPad' ? model : parsed.os.name || null;
  const words =
    browser && system ? `${browser} on ${system}` : (browser ?? (system && `A browser on ${system}`));
  if (!words) return null;
  // Only printable characters: the description is shown on a page.
  const clean = words.replace(/[^\p{L}\p{N}\p{Zs}.()'-]/gu, '').trim();
  return clean ? clean.slice(0, MAX_DESCRIPTION) : null;
}
