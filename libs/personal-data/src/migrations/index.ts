import { CreatePersonalData1764600000000 } from './1764600000000-create-personal-data';
import { CitizenStreamsByStream1765100000000 } from './1765100000000-citizen-streams-by-stream';
import { CreateAttachments1766400200000 } from './1766400200000-create-attachments';

/** Migration classes of schema personal_data, in order (runPersonalDataMigrations applies them). */
export const personalDataMigrations = [
  CreatePersonalData1764600000000,
  CitizenStreamsByStream1765100000000,
  CreateAttachments1766400200000,
];
