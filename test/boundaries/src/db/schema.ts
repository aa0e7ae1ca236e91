export interface Database {
  trips: { id: string };
}
export type Row<T extends keyof Database> = Database[T];
