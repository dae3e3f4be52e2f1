import { CreatePersonalData1764600000000 } from './1764600000000-create-personal-data';
import { CitizenStreamsByStream1765100000000 } from './1765100000000-citizen-streams-by-stream';

/** Migration classes of schema personal_data, in order (runPersonalDataMigrations applies them). */
export const personalDataMigrations = [CreatePersonalData1764600000000, CitizenStreamsByStream1765100000000];
