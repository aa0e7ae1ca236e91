import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { keys, refreshList } from './queries.js';

// A list page that is closed keeps its last answer; the next time it opens, that answer is drawn
// first. After a change that adds to the list, the answer must already be the new one, or a family
// who has just added their first loved one is shown "Add the person you carry with you".

describe('refreshList', () => {
  it('reads a closed list again at once, so it opens with what was just added', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let names: string[] = [];
    const queryFn = async () => ({ lovedOnes: names.map((name) => ({ name })) });
    await client.fetchQuery({ queryKey: keys.lovedOnes, queryFn }); // the page was opened, then left
    names = ['Rory']; // a loved one added on another page

    await refreshList(client, keys.lovedOnes);

    expect(client.getQueryData(keys.lovedOnes)).toEqual({ lovedOnes: [{ name: 'Rory' }] });
  });

  it('leaves alone a list that was never opened (nothing to draw, nothing to read)', async () => {
    const client = new QueryClient();
    await refreshList(client, keys.trips);
    expect(client.getQueryState(keys.trips)).toBeUndefined();
  });
});
