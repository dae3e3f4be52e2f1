import { DomainError, domainErrorCategories, isDomainError } from './domain-error';

describe('DomainError', () => {
  it('carries a stable code, the field, and a category for transports', () => {
    const error = new DomainError('INVALID_MOBILE', 'not a mobile', 'citizens[0].mobile');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'DomainError', code: 'INVALID_MOBILE', field: 'citizens[0].mobile' });
    expect(error.category).toBe('invalid');
    expect(new DomainError('NOT_ASSIGNED_TO_AGENCY', 'no').category).toBe('forbidden');
    expect(new DomainError('REQUEST_NOT_FOUND', 'no').category).toBe('not_found');
    expect(new DomainError('REQUEST_ALREADY_CLOSED', 'no').category).toBe('conflict');
  });

  it('gives every code a category', () => {
    for (const category of Object.values(domainErrorCategories)) {
      expect(['invalid', 'not_found', 'forbidden', 'conflict']).toContain(category);
    }
  });

  it('recognises domain errors, optionally by code', () => {
    const error = new DomainError('REQUEST_ALREADY_CLOSED', 'closed');
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(error, 'REQUEST_ALREADY_CLOSED')).toBe(true);
    expect(isDomainError(error, 'REQUEST_NOT_FOUND')).toBe(false);
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});
