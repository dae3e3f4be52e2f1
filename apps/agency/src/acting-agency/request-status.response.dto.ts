import { ApiProperty } from '@nestjs/swagger';
import { requestStatuses } from '@samad/events';

export class RequestStatusResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({
    enum: requestStatuses,
    example: 'acknowledged',
    description: 'The request status after the command',
  })
  status!: string;
}
