import { createConnection, type Socket } from 'node:net';
import type { SocketFactory } from '@order-service/runtime';

/**
 * Stands between the app's kafkajs client and the broker: while down, every connection attempt is
 * refused and open connections are cut, which is what a client sees of a stopped broker. The
 * shared local broker itself keeps running for the other tests.
 */
export class NetworkSwitch {
  #up: boolean;
  readonly #sockets = new Set<Socket>();

  constructor(up: boolean) {
    this.#up = up;
  }

  /** kafkajs socket factory routed through the switch. */
  readonly socketFactory: SocketFactory = ({ host, port, onConnect }) => {
    // Port 1 on localhost refuses at once, like a broker that is not running.
    const socket = createConnection({ host, port: this.#up ? port : 1 }, onConnect);
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    return socket;
  };

  down(): void {
    this.#up = false;
    // A reset, as when the broker process dies: kafkajs fails in-flight requests at once.
    for (const socket of this.#sockets) {
      socket.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    }
  }

  up(): void {
    this.#up = true;
  }
}
