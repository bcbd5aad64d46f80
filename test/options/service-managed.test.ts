import { describe, expect, it } from 'vitest';
import { createService } from '../../lib/service/service';
import { memoryArea } from '../../lib/storage/item';
import { MANAGED_TEST_KEY, readManaged } from '../../lib/storage/managed';

describe('background service with managed lists', () => {
  it('looks up names on a managed list, and follows policy changes after invalidate', async () => {
    const local = memoryArea();
    const policy = memoryArea({
      lists: [{ id: 'corp', name: 'Corporate', entries: [{ names: ['Quillfeather Monitoring GmbH'] }] }],
    });
    let useTestHook = false;
    const service = createService({
      local,
      session: memoryArea(),
      setBadge: async () => undefined,
      injectExtraction: async () => undefined,
      log: () => undefined,
      readManaged: () => readManaged({ managed: policy, local, isDevBuild: async () => useTestHook }),
    });
    const lookup = async (query: string) =>
      (
        (await service.handle({ type: 'lookup', payload: { query } }, {})) as {
          results: { match?: { listId: string } }[];
        }
      ).results;
    expect((await lookup('Quillfeather Monitoring')).some((r) => r.match?.listId === 'managed-corp')).toBe(
      true,
    );

    // The dev-build hook replaces the policy; the rebuilt screener no longer has the old list.
    await local.set({ [MANAGED_TEST_KEY]: { lists: [] } });
    useTestHook = true;
    service.invalidate();
    expect((await lookup('Quillfeather Monitoring')).some((r) => r.match?.listId === 'managed-corp')).toBe(
      false,
    );
  });
});
