import { SnapshotStore } from '../../../src/platform/props-snapshot';
import { memoryProps } from '../../harness/fixtures';

function counted() {
  const props = memoryProps();
  const calls: string[] = [];
  const wrap = new Proxy(props, {
    get(t, k, r) {
      const v = Reflect.get(t, k, r) as unknown;
      if (typeof v !== 'function') return v;
      return (...a: unknown[]) => {
        calls.push(String(k));
        return (v as (...x: unknown[]) => unknown).apply(t, a);
      };
    },
  });
  let opened = 0;
  const store = new SnapshotStore(() => {
    opened++;
    return wrap;
  });
  return { props, calls, store, opened: () => opened };
}

describe('platform/props-snapshot', () => {
  it('should read the store once, serve every read from the copy, and open it only when first used', () => {
    const { props, calls, store, opened } = counted();
    props.data['job:a'] = '{"n":1}';
    props.data['job:b'] = '{"n":2}';
    expect(opened()).toBe(0);
    expect(store.getProperty('job:a')).toBe('{"n":1}');
    expect(store.getKeys()).toEqual(['job:a', 'job:b']);
    expect(store.getProperty('toString')).toBeNull();
    expect(store.getProperties()).toEqual({ 'job:a': '{"n":1}', 'job:b': '{"n":2}' });
    expect(calls).toEqual(['getProperties']);
    expect(opened()).toBe(1);
  });

  it('should write through, skip writes and deletes that change nothing, and see fresh data after reload()', () => {
    const { props, calls, store } = counted();
    props.data['k'] = 'v';
    store.setProperty('k', 'v');
    store.deleteProperty('absent');
    expect(calls).toEqual(['getProperties']);
    store.setProperty('k', 'w');
    store.deleteProperty('k');
    expect(props.data).toEqual({});
    expect(calls).toEqual(['getProperties', 'setProperty', 'deleteProperty']);
    props.data['other'] = 'x';
    expect(store.getProperty('other')).toBeNull();
    store.reload();
    expect(store.getProperty('other')).toBe('x');
  });
});
