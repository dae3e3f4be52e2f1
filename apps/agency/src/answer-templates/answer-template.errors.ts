export class TemplateNotFoundError extends Error {
  readonly code = 'TEMPLATE_NOT_FOUND';

  constructor(templateId: string) {
    super(`الگوی پاسخ ${templateId} در این دستگاه نیست (no answer template ${templateId} in this agency)`);
  }
}
