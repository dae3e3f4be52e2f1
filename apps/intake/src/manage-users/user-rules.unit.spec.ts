import {
  USERNAME_PATTERN,
  fieldMessages,
  ownAccessProblem,
  rightsChanged,
  standingProblems,
  type UserState,
} from './user-rules';

const operator: UserState = { role: 'operator', agencyCode: null, extension: '201', disabled: false };
const staff: UserState = { role: 'agency_staff', agencyCode: 'ABFA', extension: null, disabled: false };

describe('the rules of a user of the local identity store', () => {
  it.each(['ab', 'Ali', 'ali reza', 'علی', 'a@b.c', 'x'.repeat(65)])('refuses the username %p', (name) =>
    expect(USERNAME_PATTERN.test(name)).toBe(false),
  );

  it.each(['staff.abfa', 'op_2', 'm-1', 'x'.repeat(64)])('accepts the username %p', (name) =>
    expect(USERNAME_PATTERN.test(name)).toBe(true),
  );

  it('binds agency roles, and only them, to one known agency', () => {
    expect(standingProblems(staff)).toEqual([]);
    expect(standingProblems({ ...staff, role: 'agency_manager' })).toEqual([]);
    expect(standingProblems({ ...staff, agencyCode: null })).toEqual([
      { field: 'agencyCode', message: fieldMessages.agencyRequired },
    ]);
    expect(standingProblems({ ...staff, agencyCode: 'NOPE' })).toEqual([
      { field: 'agencyCode', message: fieldMessages.agencyUnknown },
    ]);
    expect(standingProblems({ role: 'supervisor', agencyCode: 'ABFA', extension: null })).toEqual([
      { field: 'agencyCode', message: fieldMessages.agencyRefused },
    ]);
  });

  it('gives an extension to operators only', () => {
    expect(standingProblems(operator)).toEqual([]);
    expect(standingProblems({ ...staff, extension: '301' })).toEqual([
      { field: 'extension', message: fieldMessages.extensionRefused },
    ]);
  });

  it('ends sessions when access is lost or the token’s rights change, not for an extension', () => {
    expect(rightsChanged(operator, { ...operator, disabled: true })).toBe(true);
    expect(rightsChanged(operator, { ...operator, role: 'supervisor', extension: null })).toBe(true);
    expect(rightsChanged(staff, { ...staff, agencyCode: 'BARGH' })).toBe(true);
    expect(rightsChanged(operator, { ...operator, extension: '209' })).toBe(false);
    expect(rightsChanged({ ...operator, disabled: true }, operator)).toBe(false);
  });

  it('keeps an administrator from disabling or demoting themself, not others', () => {
    const admin: UserState = { role: 'admin', agencyCode: null, extension: null, disabled: false };
    expect(ownAccessProblem('admin1', 'admin1', admin, { ...admin, disabled: true })?.field).toBe('disabled');
    expect(ownAccessProblem('admin1', 'admin1', admin, { ...admin, role: 'auditor' })?.field).toBe('role');
    expect(ownAccessProblem('admin1', 'admin1', admin, admin)).toBeUndefined();
    expect(ownAccessProblem('admin1', 'admin2', admin, { ...admin, disabled: true })).toBeUndefined();
  });
});
