// Child process: the bare Fastify baseline for `POST /orders`. Parses the JSON body and answers it
// back with 201, with no schema, store or Kafka, and no logging.
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? '0');
const app = Fastify({ logger: false });
app.post('/echo', async (request, reply) => reply.code(201).send(request.body));
await app.listen({ host: '127.0.0.1', port });
process.send?.({ type: 'ready' });
process.on('message', (command: { type: string }) => {
  if (command.type === 'close') app.close().finally(() => process.exit(0));
});
