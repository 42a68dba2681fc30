import type { Dispatcher } from 'undici';
import type { ResponseHeaders } from './http';

/** A vendor's answer with its body read whole, as text. */
export interface WholeAnswer {
  statusCode: number;
  headers: ResponseHeaders;
  text: string;
}

/**
 * One exchange through undici's `dispatch`, the body gathered as it arrives. `request()` wraps
 * every answer in a Readable stream that `body.text()` then drains: gathering the chunks here
 * costs a third less CPU per call (25 against 37 µs), and a screen makes a dozen calls.
 */
export function exchangeWhole(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal?: AbortSignal): Promise<WholeAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let statusCode = 0;
    let headers: ResponseHeaders = {};
    let abort: (() => void) | undefined;
    const settle = () => abort && signal?.removeEventListener('abort', abort);

    dispatcher.dispatch(options, {
      onRequestStart(controller) {
        if (!signal) return;
        abort = () => controller.abort(signal.reason instanceof Error ? signal.reason : new Error('aborted', { cause: signal.reason }));
        if (signal.aborted) abort();
        else signal.addEventListener('abort', abort, { once: true });
      },
      onResponseStart(_controller, status, responseHeaders) {
        statusCode = status;
        headers = responseHeaders as ResponseHeaders;
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        settle();
        const text = Buffer.concat(chunks).toString('utf8');
        // As `body.text()` does: a byte order mark is not part of the JSON.
        resolve({ statusCode, headers, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
      },
      onResponseError(_controller, error) {
        settle();
        reject(error);
      },
    });
  });
}
