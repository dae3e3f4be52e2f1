import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { samadAsyncApiDocument } from '@samad/events';
import { Public } from '@samad/service-kit';

// Generated once from libs/events: the contracts are code, so the document cannot drift from what is published.
const document = samadAsyncApiDocument();

/**
 * The agency onboarding kit's contract (ADR 34): Samad's topics, keys, messages and their JSON Schemas as
 * AsyncAPI 3. Public: it holds no data and no secret, and an agency's developers read it before they have a token.
 */
@ApiTags('agency onboarding')
@Public()
@Controller('asyncapi')
export class AsyncApiHttpController {
  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: "AsyncAPI 3 document of Samad's Kafka topics (JSON)" })
  @ApiOkResponse({ description: 'The AsyncAPI document' })
  asyncApi(): Record<string, unknown> {
    return document;
  }
}
