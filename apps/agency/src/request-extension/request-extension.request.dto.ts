import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';
import { RequestStatusResponse } from '../acting-agency/request-status.response.dto';

export class RequestExtensionRequest {
  @ApiProperty({
    example: '2026-12-20T10:00:00.000Z',
    description: 'The due date the agency proposes, ISO 8601 with time and offset; after the current one',
  })
  @IsISO8601({ strict: true })
  proposedDueAt!: string;

  @ApiProperty({ example: 'نیاز به بازدید میدانی کارشناس است', minLength: 5, maxLength: 1000 })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export class RequestExtensionResponse extends RequestStatusResponse {
  @ApiProperty({
    example: '7f0c…',
    description: 'Name this extension when a supervisor approves or refuses it',
  })
  extensionId!: string;
}
