import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsString, Matches, ValidateNested } from 'class-validator';
import { fieldPath } from './field-path';
import { InputValidationError } from './problem-details';
import { samadValidationPipe } from './validation.pipe';

class Citizen {
  @IsString()
  fullName!: string;

  @Matches(/^09\d{9}$/)
  mobile!: string;
}

class Registration {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Citizen)
  citizens!: Citizen[];

  @IsString()
  description!: string;
}

async function fieldsOf(body: unknown): Promise<string[]> {
  try {
    await samadValidationPipe().transform(body, { type: 'body', metatype: Registration });
  } catch (error) {
    if (error instanceof InputValidationError) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
}

describe('field paths in a 400', () => {
  it('joins properties with dots and array indexes with brackets', () => {
    expect(fieldPath('', 'citizens', false)).toBe('citizens');
    expect(fieldPath('citizens', '1', true)).toBe('citizens[1]');
    expect(fieldPath('citizens[1]', 'mobile', false)).toBe('citizens[1].mobile');
  });

  it('names class-validator’s nested errors the way the decider names its fields', async () => {
    const fields = await fieldsOf({
      citizens: [
        { fullName: 'زهرا کریمی', mobile: '09123456789' },
        { fullName: 'علی', mobile: '0217766554', extra: 1 },
      ],
    });
    expect(fields.sort()).toEqual(['citizens[1].extra', 'citizens[1].mobile', 'description']);
  });

  it('accepts a valid body', async () => {
    expect(
      await fieldsOf({ citizens: [{ fullName: 'زهرا', mobile: '09123456789' }], description: 'x' }),
    ).toEqual([]);
  });
});
