import { InvalidAppendError } from '../event-store.errors';
import { prepareAppend } from './prepare-append';

describe('prepareAppend', () => {
  it('gives every event an id and remembers whether the caller chose them', () => {
    const generated = prepareAppend('s', [{ type: 'A', data: {} }]);
    expect(generated.idsSupplied).toBe(false);
    expect(generated.events[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.events[0].metadata).toEqual({});
    expect(generated.expectedRevision).toBe('any');

    const supplied = prepareAppend(
      's',
      [{ id: 'AAAAAAAA-0000-4000-8000-000000000001', type: 'A', data: {} }],
      3n,
    );
    expect(supplied.idsSupplied).toBe(true);
    expect(supplied.events[0].id).toBe('aaaaaaaa-0000-4000-8000-000000000001');
    expect(supplied.expectedRevision).toBe(3n);
  });

  it.each([
    ['an empty stream id', () => prepareAppend('', [{ type: 'A', data: {} }])],
    ['no events', () => prepareAppend('s', [])],
    ['a negative revision', () => prepareAppend('s', [{ type: 'A', data: {} }], -1n)],
    ['an event without a type', () => prepareAppend('s', [{ type: '', data: {} }])],
    ['an event without data', () => prepareAppend('s', [{ type: 'A', data: undefined }])],
    ['an id that is not a UUID', () => prepareAppend('s', [{ id: '42', type: 'A', data: {} }])],
    [
      'the same id twice',
      () =>
        prepareAppend('s', [
          { id: '00000000-0000-4000-8000-000000000001', type: 'A', data: {} },
          { id: '00000000-0000-4000-8000-000000000001', type: 'B', data: {} },
        ]),
    ],
  ])('refuses %s with INVALID_APPEND', (_, call) => {
    expect(call).toThrow(InvalidAppendError);
    try {
      call();
    } catch (error) {
      expect((error as InvalidAppendError).code).toBe('INVALID_APPEND');
    }
  });
});
