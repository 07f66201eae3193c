// The client address for throttling: the socket address our server writes, and X-Forwarded-For
// only through the configured number of trusted proxies, so a client cannot choose its address.
import { describe, expect, it } from 'vitest';
import { clientAddress, SOCKET_ADDRESS_HEADER, UNKNOWN_ADDRESS } from '@/server/client-address';

const SOCKET = '10.0.0.2';

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const headers = new Headers({ [SOCKET_ADDRESS_HEADER]: SOCKET, 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8' });
    expect(clientAddress(headers, 0)).toBe(SOCKET);
  });

  it('takes the entry the trusted proxy appended, ignoring what the client wrote before it', () => {
    // Client wrote "1.2.3.4" itself; the one trusted proxy appended the address it saw.
    const headers = new Headers({ [SOCKET_ADDRESS_HEADER]: SOCKET, 'x-forwarded-for': '1.2.3.4, 198.51.100.20' });
    expect(clientAddress(headers, 1)).toBe('198.51.100.20');
    expect(clientAddress(headers, 2)).toBe('1.2.3.4');
  });

  it('falls back to the leftmost entry when there are fewer entries than trusted hops', () => {
    const headers = new Headers({ [SOCKET_ADDRESS_HEADER]: SOCKET, 'x-forwarded-for': '198.51.100.20' });
    expect(clientAddress(headers, 3)).toBe('198.51.100.20');
    expect(clientAddress(new Headers({ [SOCKET_ADDRESS_HEADER]: SOCKET }), 1)).toBe(SOCKET);
  });

  it('reads next-auth style header records too', () => {
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: SOCKET, 'x-forwarded-for': 'evil' }, 0)).toBe(SOCKET);
  });

  it('never returns no key: without our server there is one shared key', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7' }), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(undefined, 1)).toBe(UNKNOWN_ADDRESS);
  });
});
