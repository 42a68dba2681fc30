import { AgencyFieldError } from '../../agencies/agency-input';
import { ApiKeyInputError } from '../../auth/api-keys';
import { ValidationError } from '../validation-error';

/**
 * The registry's and the key store's input refusals as a ValidationError, the typed result every
 * mutation has for bad input. Their messages name the field and the rule, never the value.
 * `inputPath` turns the store's path of a field into the input's.
 */
export async function asValidationErrors<T>(change: Promise<T>, inputPath: (path: string) => string = (path) => path): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (error instanceof AgencyFieldError) {
      const field = inputPath(error.path);
      throw new ValidationError([{ field, rule: 'format', message: `${field}: expected ${error.expected}` }]);
    }
    if (error instanceof ApiKeyInputError) throw new ValidationError([{ field: error.field, rule: 'format', message: error.message }]);
    throw error;
  }
}
