// The model's own JSON form as an input: validated against the schema, so a
// bad file gets an error naming the JSON pointer of the fault.
import { fromJSON } from '../../model/json.js';
import type { Reader } from '../types.js';

export const readJson: Reader = (input) => ({ edition: fromJSON(input.text, input.path), report: [] });
