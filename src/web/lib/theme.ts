// Light, dark, or whatever the device prefers; the choice is kept on this device only.
// public/theme.js applies it before the first paint; this module changes it afterwards.

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'alongside-theme';

export function savedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Without storage the choice lasts until the page closes; that is fine.
  }
}
