import { Type } from 'typebox';

/** Every 4xx/5xx body of the Order Service: a stable code, a message saying what to do, and data. */
export const ErrorBody = Type.Object({
  code: Type.String({ description: 'Stable error code, e.g. STATUS_WORKER_TRANSITION_FORBIDDEN' }),
  message: Type.String({ description: 'What went wrong and how to fix it' }),
  violations: Type.Optional(
    Type.Array(
      Type.Object({ path: Type.String(), message: Type.String(), value: Type.Optional(Type.Unknown()) }),
    ),
  ),
  details: Type.Optional(
    Type.Object(
      {},
      { additionalProperties: true, description: 'Data behind the message (e.g. allowed statuses)' },
    ),
  ),
});
