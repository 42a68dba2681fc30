/** A segment a path is built of rather than filled in with: a lower-case word, or an API version. */
const FIXED_SEGMENT = /^(?:[a-z][a-z_-]*|v\d+)$/;

/**
 * The route a vendor request was sent to, as a template: the request's own `route` where its
 * client names it, otherwise its path with every segment that may be a value (anything but a
 * lower-case word or `v1`) replaced by `:id`, and no query. Fail closed: an id never reaches a span.
 */
export function routeTemplate(request: { path: string; route?: string }): string {
  if (request.route) return request.route;
  const path = request.path.split('?')[0] ?? '';
  return path
    .split('/')
    .map((segment) => (segment === '' || FIXED_SEGMENT.test(segment) ? segment : ':id'))
    .join('/');
}
