/** Injection token of intake's TokenIssuer (built before Nest starts, so a bad key stops the service). */
export const TOKEN_ISSUER = Symbol('TOKEN_ISSUER');
