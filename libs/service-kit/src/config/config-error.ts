/** Every wrong configuration value at once, each naming its variable; a service exits 78 (EX_CONFIG) on it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}
