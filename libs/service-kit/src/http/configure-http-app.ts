import type { INestApplication } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';
import { samadValidationPipe } from './validation.pipe';

/** The HTTP conventions every Samad service shares, applied the same way in production and in tests. */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(samadValidationPipe());
  return app;
}
