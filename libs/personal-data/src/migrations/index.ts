import { CreatePersonalData1764600000000 } from './1764600000000-create-personal-data';

/** Migration classes of schema personal_data, in order (runPersonalDataMigrations applies them). */
export const personalDataMigrations = [CreatePersonalData1764600000000];
