import { ApiProperty } from '@nestjs/swagger';

export class EraseCitizenResponseDto {
  @ApiProperty({
    description:
      'True when a key was destroyed by this call (or an earlier unfinished one); false when nothing is ' +
      'known under this national code any more (never registered, or already erased)',
  })
  erased!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-01T08:30:00.000Z' })
  erasedAt!: string | null;

  @ApiProperty({
    type: [String],
    description: 'Pseudonyms of the destroyed keys, as they appear in the stored events',
    example: ['6f1c3a52-1d0e-4c4e-9a55-0b5a3e1d2c10'],
  })
  citizenRefs!: string[];

  @ApiProperty({
    type: [String],
    description: 'Tracking codes whose history now records PersonalDataErased for this citizen',
    example: ['4939146576'],
  })
  requestsAffected!: string[];
}
