// Modules the build makes (scripts/vite-*.ts).

declare module 'virtual:endpoint-table' {
  /** Every endpoint's method, path and key, without its zod contracts (scripts/vite-endpoint-table.ts). */
  const table: unknown;
  export default table;
  /** The contracts the app was built with (src/server/contracts-fingerprint.ts). */
  export const contractsFingerprint: string;
}
