import type { CommandModule } from 'yargs';
import { modelSchema } from '../../index.js';

export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: 'print the JSON Schema of the model (the form `parse` prints and .json inputs use)',
  handler: () => {
    process.stdout.write(`${JSON.stringify(modelSchema(), null, 2)}\n`);
  },
};
