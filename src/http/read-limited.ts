/** A request body longer than the route accepts. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body: larger than ${limit} bytes`);
  }
}

/** The whole body, refused with BodyTooLargeError as soon as it passes the limit, without reading the rest. */
export async function readLimited(request: Request, limit: number): Promise<Buffer> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw new BodyTooLargeError(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader?.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}
