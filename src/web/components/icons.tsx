// Small line icons; always decorative (aria-hidden), the words next to them carry the meaning.

const base = {
  width: 20,
  height: 20,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export const PinIcon = () => (
  <svg {...base} className="icon">
    <path d="M9 4h6l-1 5 3 3v2H7v-2l3-3z" />
    <path d="M12 14v6" />
  </svg>
);

export const CheckIcon = () => (
  <svg {...base} className="icon">
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </svg>
);

export const CircleIcon = () => (
  <svg {...base} className="icon">
    <circle cx="12" cy="12" r="8" />
  </svg>
);

export const HeartIcon = () => (
  <svg {...base} className="icon">
    <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />
  </svg>
);

export const BellIcon = () => (
  <svg {...base} className="icon">
    <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" />
    <path d="M10 20.5a2 2 0 0 0 4 0" />
  </svg>
);

// The five places of the tab bar (Layout.tsx).
export const HomeIcon = () => (
  <svg {...base} className="icon">
    <path d="M4 11l8-7 8 7" />
    <path d="M6 9.5V20h12V9.5" />
  </svg>
);

export const TripIcon = () => (
  <svg {...base} className="icon">
    <rect x="4" y="7" width="16" height="12" rx="2" />
    <path d="M9 7V5h6v2" />
  </svg>
);

export const CalendarIcon = () => (
  <svg {...base} className="icon">
    <rect x="4" y="5.5" width="16" height="14.5" rx="2" />
    <path d="M4 10h16M8.5 3.5v4M15.5 3.5v4" />
  </svg>
);

export const SettingsIcon = () => (
  <svg {...base} className="icon">
    <path d="M5 7h8M17 7h2M5 17h2M11 17h8" />
    <circle cx="15" cy="7" r="2" />
    <circle cx="9" cy="17" r="2" />
  </svg>
);

/** A soft "please read this" mark for warnings: a circle with a small i, never a red triangle. */
export const InfoIcon = () => (
  <svg {...base} className="icon">
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5" />
    <path d="M12 7.5v.5" />
  </svg>
);

export const OfflineIcon = () => (
  <svg {...base} className="icon">
    <path d="M7 18h10a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.3 9.2 4.5 4.5 0 0 0 7 18z" />
    <path d="M4 4l16 16" />
  </svg>
);

export const LogoMark = () => (
  <svg width="28" height="28" viewBox="0 0 64 64" aria-hidden="true" focusable="false" className="logo-mark">
    <rect width="64" height="64" rx="14" fill="var(--accent)" />
    <circle cx="25" cy="32" r="12.5" fill="var(--accent-contrast)" />
    <circle cx="45.25" cy="38.25" r="6.25" fill="var(--accent-contrast)" />
  </svg>
);
