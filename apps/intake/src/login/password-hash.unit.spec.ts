import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('stores scrypt parameters, a salt and a hash, never the password', async () => {
    const stored = await hashPassword('samad-demo');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(stored).not.toContain('samad-demo');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('گذرواژه-۱۲۳');
    await expect(verifyPassword('گذرواژه-۱۲۳', stored)).resolves.toBe(true);
    await expect(verifyPassword('گذرواژه-۱۲۴', stored)).resolves.toBe(false);
  });

  it('salts each password afresh', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
  });

  it('refuses malformed or abusive stored hashes instead of throwing', async () => {
    const stored = await hashPassword('x');
    const [, , r, p, salt, hash] = stored.split('$');
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('x', `scrypt$${2 ** 20}$${r}$${p}$${salt}$${hash}`)).resolves.toBe(false);
    await expect(verifyPassword('x', `scrypt$1000$${r}$${p}$${salt}$${hash}`)).resolves.toBe(false);
    await expect(verifyPassword('x', `bcrypt$32768$${r}$${p}$${salt}$${hash}`)).resolves.toBe(false);
  });
});
