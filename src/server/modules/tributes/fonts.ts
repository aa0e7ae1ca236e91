import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

// The fonts a tribute is drawn with, all from npm so a machine with no system fonts draws the same
// picture and nothing is ever fetched: DejaVu (Latin, Greek, Cyrillic, Arabic, Hebrew), Noto Sans JP
// (Japanese and most CJK) and Noto Emoji (emoji, in outline). libvips adds each `fontfile` it is
// given to its fontconfig set for the rest of the process, so once all are registered Pango falls
// back from DejaVu to the others glyph by glyph, and shapes right-to-left scripts as it goes.

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const fontFiles = [
  join(packageDir('dejavu-fonts-ttf'), 'ttf', 'DejaVuSans.ttf'),
  join(packageDir('dejavu-fonts-ttf'), 'ttf', 'DejaVuSans-Bold.ttf'),
  join(packageDir('dejavu-fonts-ttf'), 'ttf', 'DejaVuSerif.ttf'),
  join(packageDir('@expo-google-fonts/noto-sans-jp'), '400Regular', 'NotoSansJP_400Regular.ttf'),
  join(packageDir('@expo-google-fonts/noto-emoji'), '400Regular', 'NotoEmoji_400Regular.ttf'),
];

/** The font families the layout names (Pango font descriptions). */
export const FONT = { body: 'DejaVu Sans', name: 'DejaVu Sans Bold' } as const;

let registered: Promise<void> | undefined;

/** Registers every packaged font with libvips once per process. */
export function registerFonts(): Promise<void> {
  registered ??= (async () => {
    for (const fontfile of fontFiles)
      await sharp({ text: { text: '.', fontfile, font: FONT.body } })
        .raw()
        .toBuffer();
  })();
  return registered;
}
