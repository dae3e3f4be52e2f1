import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { requestChannels, type RequestChannel } from '@samad/request-lifecycle';

export class RecordFollowUpDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'شهروند تماس گرفت و پیگیری کرد' })
  @IsString()
  @Length(1, 2000)
  note!: string;

  @ApiProperty({ enum: requestChannels, description: 'How the citizen followed up' })
  @IsIn(requestChannels)
  channel!: RequestChannel;
}
