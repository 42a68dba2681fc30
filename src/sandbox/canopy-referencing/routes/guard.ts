import type { SandboxReply, SandboxRequest, SandboxRoute } from '../../vendor-simulator';
import { checkAccess } from '../auth';
import type { FieldProblem } from '../errors';
import { validationError } from '../errors';
import type { CanopyReferencingState } from '../state';

type Handler = (request: SandboxRequest) => SandboxReply;

/** A route behind the API key and access token checks, with its body validated first when a validator is given. */
export function guardedRoute(
  state: CanopyReferencingState,
  method: SandboxRoute['method'],
  path: string,
  handle: Handler,
  validate?: (body: unknown) => FieldProblem[],
): SandboxRoute {
  return {
    method,
    path,
    handle(request) {
      const refused = checkAccess(state, request);
      if (refused) return refused;
      if (validate) {
        const problems = validate(request.body);
        if (problems.length > 0) return validationError(problems);
      }
      return handle(request);
    },
  };
}
