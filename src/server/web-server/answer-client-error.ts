// A request Node's HTTP parser refuses (headers past its size limit, a malformed request line, a
// request too slow to arrive) never reaches Next.js or a route: Node writes a bare status line
// itself from its 'clientError' event. Listening to the event replaces that with the same status
// and the API's JSON error shape, with a message a person can act on. The rules for when anything
// may be written are Node's own (lib/_http_server.js socketOnError): only while the socket is
// writable and no response on it has started, or the peer would read a corrupted stream.
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

function refusal(code: string | undefined): { status: number; error: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        error: `The request headers are larger than the ${Math.round(maxHeaderSize / 1024)} KB this server accepts. Send fewer or smaller headers (or clear this site's cookies).`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, error: 'The request body has chunk extensions larger than this server accepts.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, error: 'The request took too long to arrive. Try again.' };
    default:
      return { status: 400, error: 'The request could not be read as HTTP.' };
  }
}

export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // Node's own check: the response in flight on this connection, if any, has not begun.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
    const { status, error: message } = refusal(error.code);
    const body = JSON.stringify({ error: message });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
