import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FamilyExport, FamilyImport } from '../../../contracts/family-archive.js';
import { send } from '../../lib/api.js';
import { call, endpoints, settle } from '../../lib/client.js';

// Your family's data: the archives this member asked for, asking for one, downloading and removing
// one, and bringing an archive in. An archive is made (and brought in) in the background without the
// family's revision moving, so each list asks again every few seconds while one is on its way.

export const dataKeys = { exports: ['family-exports'] as const, imports: ['family-imports'] as const };

const inProgress = (list: readonly FamilyExport[] | undefined) =>
  (list ?? []).some((e) => e.state === 'waiting' || e.state === 'making');

export const useExports = () =>
  useQuery({
    queryKey: dataKeys.exports,
    queryFn: () => call(endpoints.familyData.exports),
    refetchInterval: (query) => (inProgress(query.state.data?.exports) ? 2000 : false),
  });

export function useAskExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.familyData.askExport),
    onSuccess: () => client.invalidateQueries({ queryKey: dataKeys.exports }),
  });
}

export function useRemoveExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (exportId: string) => call(endpoints.familyData.removeExport, { params: { exportId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: dataKeys.exports }),
  });
}

/** Makes a single-use link and follows it: the browser saves the zip. */
export const useDownloadExport = () =>
  useMutation({
    mutationFn: async (exportId: string) => {
      const { url } = await call(endpoints.familyData.link, { params: { exportId } });
      window.location.assign(url);
    },
  });

/** The person's own imports (whatever family they are in), followed while one is coming in. */
export const useImports = () =>
  useQuery({
    queryKey: dataKeys.imports,
    queryFn: () => call(endpoints.familyData.imports),
    refetchInterval: (query) => (importing(query.state.data?.imports) ? 2000 : false),
  });

const importing = (list: readonly FamilyImport[] | undefined) =>
  (list ?? []).some((i) => i.state === 'queued' || i.state === 'working');

/** Sends a chosen zip as its own bytes (the server reads it as it comes, never as JSON). */
export function useImportFamily() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      settle(endpoints.familyData.import, await send('POST', endpoints.familyData.import.path, file)),
    onSuccess: () => client.invalidateQueries({ queryKey: dataKeys.imports }),
  });
}
