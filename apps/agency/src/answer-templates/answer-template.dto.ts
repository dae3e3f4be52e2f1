import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { answerTemplatePlaceholders } from '@samad/request-lifecycle';

export class WriteAnswerTemplateDto {
  @ApiProperty({ example: 'قطعی برنامه‌ریزی‌شده', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({
    example: '{{citizen_name}} گرامی، درخواست {{tracking_code}} بررسی شد.',
    description: `Placeholders: ${answerTemplatePlaceholders.map((p) => `{{${p}}}`).join(', ')}`,
    maxLength: 10000,
  })
  @IsString()
  @Length(1, 10000)
  body!: string;
}

export class AnswerTemplateDto {
  @ApiProperty() templateId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() updatedAt!: string;
}

export class AnswerPreviewDto {
  @ApiProperty() templateId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The template filled for this request; the citizen’s name opened only now' })
  text!: string;
}
