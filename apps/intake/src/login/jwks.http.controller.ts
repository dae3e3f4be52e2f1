import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { Public } from '@samad/service-kit';
import { TOKEN_ISSUER } from './login.handler';
import type { TokenIssuer } from './token-issuer';

@ApiTags('auth')
@Controller('.well-known')
export class JwksHttpController {
  constructor(@Inject(TOKEN_ISSUER) private readonly issuer: TokenIssuer) {}

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The public key that verifies intake’s tokens, as a JSON Web Key Set',
    description: 'Another deployment can verify Samad tokens with AUTH_JWKS_URL pointing here.',
  })
  @ApiOkResponse({
    description: '{ keys: [ { kty: "OKP", crv: "Ed25519", x, kid, alg: "EdDSA", use: "sig" } ] }',
  })
  jwks(): { keys: JWK[] } {
    return { keys: [this.issuer.publicJwk] };
  }
}
