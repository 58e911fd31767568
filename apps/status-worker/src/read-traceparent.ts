// The parser lives in the runtime now; this re-export stays only until intake/handle-order-record.ts
// (owned by another change in flight) imports it from '@order-service/runtime' directly.
export { readTraceparent } from '@order-service/runtime';
