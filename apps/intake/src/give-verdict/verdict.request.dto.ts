import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';

export const verdictKinds = ['rate', 'object'] as const;
export type VerdictKind = (typeof verdictKinds)[number];

export class VerdictDto {
  @ApiProperty({
    enum: verdictKinds,
    description: '`rate` the answer 1–5, or `object` to it (reopens the request to the same agency)',
  })
  @IsIn(verdictKinds)
  verdict!: VerdictKind;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Required with `rate`: 1 worst, 5 best' })
  @ValidateIf((body: VerdictDto) => body.verdict === 'rate')
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'With `rate`: the comment; with `object`: why. Sealed free text, never on a topic.',
  })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

export class CitizenVerdictDto extends VerdictDto {
  @ApiProperty({ example: '4567', description: 'Last four digits of the citizen’s registered mobile' })
  @IsString()
  @Length(1, 8)
  mobileLast4!: string;

  @ApiPropertyOptional({
    description: 'Collective requests: which signature is the citizen’s, 1 = the first',
  })
  @IsOptional()
  @IsString()
  @Length(1, 4)
  signatory?: string;
}
