import { KafkaJSConnectionError } from 'kafkajs';
import { QueryFailedError } from 'typeorm';
import { WrongExpectedVersionError, DuplicateEventIdError } from '@samad/event-store';
import { PersonalDataIntegrityError } from '@samad/personal-data';
import { DomainError } from '@samad/request-lifecycle';
import { failureKind } from './failure-kind';

const pgError = (code: string): Error => Object.assign(new Error(`pg ${code}`), { code });

describe('failureKind', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a cut connection', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a serialization failure', pgError('40001')],
    ['a deadlock', pgError('40P01')],
    ['a statement timeout', pgError('57014')],
    ['an admin shutdown', pgError('57P01')],
    ['a connection exception class', pgError('08006')],
    ['a broker away', new KafkaJSConnectionError('Connection error')],
    ['a concurrent writer', new WrongExpectedVersionError('request-1', 1n, 2n)],
    ['a wrapped driver error', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
    ['a cause chain', new Error('outer', { cause: pgError('08001') })],
  ])('%s is transient', (_, error) => expect(failureKind(error)).toBe('transient'));

  it.each([
    ['a domain refusal', new DomainError('REQUEST_ALREADY_CLOSED', 'closed')],
    ['a check violation', new QueryFailedError('INSERT', [], pgError('23514'))],
    ['an invalid text value', pgError('22P02')],
    ['an event store refusal', new DuplicateEventIdError('request-1', ['x'])],
    ['sealed data that does not verify', new PersonalDataIntegrityError('does not verify')],
  ])('%s is permanent', (_, error) => expect(failureKind(error)).toBe('permanent'));

  it.each([
    ['a programming error', new TypeError('x is not a function')],
    ['nothing at all', undefined],
    ['a syntax error in SQL', pgError('42601')],
  ])('%s is unknown', (_, error) => expect(failureKind(error)).toBe('unknown'));
});
