import { notifyBatches } from './notify-batching-pool';

const n = (payload: string, channel = 'socket.io#/') => ({ channel, payload });

describe('notifyBatches', () => {
  it('keeps distinct notifications in one batch, in order', () => {
    expect(notifyBatches([n('a'), n('b'), n('c')])).toEqual([[n('a'), n('b'), n('c')]]);
  });

  it('starts a new batch where a (channel, payload) pair repeats, so PostgreSQL does not merge the two', () => {
    expect(notifyBatches([n('a'), n('b'), n('a'), n('c'), n('c')])).toEqual([[n('a'), n('b')], [n('a'), n('c')], [n('c')]]);
  });

  it('treats the same payload on another channel as distinct', () => {
    expect(notifyBatches([n('a'), n('a', 'other')])).toEqual([[n('a'), n('a', 'other')]]);
  });

  it('gives no batch for nothing', () => {
    expect(notifyBatches([])).toEqual([]);
  });
});
