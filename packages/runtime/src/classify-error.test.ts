import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { classifyError } from './classify-error.ts';
import { ConfigError } from './config/config-error.ts';
import { defineErrorCatalog, RuntimeError, ServiceError } from './errors.ts';
import { HttpError } from './http/http-error.ts';
import { StoreError } from './store/store-error.ts';

describe('classifyError', () => {
  it('calls typed errors that say retryable transient, with their code and message', () => {
    expect(classifyError(new RuntimeError('RUNTIME_KAFKA_UNAVAILABLE', 'broker down'))).toEqual({
      code: 'RUNTIME_KAFKA_UNAVAILABLE',
      message: 'broker down',
      retryable: true,
      fault: 'transient',
    });
    expect(classifyError(new StoreError('RUNTIME_STORE_READ_ONLY', 'read only')).fault).toBe('transient');
  });

  it('calls typed errors that say not retryable the record’s fault', () => {
    expect(classifyError(new RuntimeError('RUNTIME_OUTBOX_MESSAGE_INVALID', 'bad'))).toEqual({
      code: 'RUNTIME_OUTBOX_MESSAGE_INVALID',
      message: 'bad',
      retryable: false,
      fault: 'record',
    });
    expect(classifyError(new HttpError(409, 'X_CONFLICT', 'differs')).fault).toBe('record');
    expect(
      classifyError(new ConfigError([{ variable: 'A', problem: 'missing', hint: 'set it' }])).fault,
    ).toBe('record');
  });

  it('takes the fault of an app catalog entry, including unknown', () => {
    const catalog = defineErrorCatalog('APP', {
      APP_WHATEVER: { retryable: true, fault: 'unknown', description: 'nobody knows' },
    });
    const error = new ServiceError(catalog.APP_WHATEVER, 'hm');
    expect(classifyError(error)).toEqual({
      code: 'APP_WHATEVER',
      message: 'hm',
      retryable: true,
      fault: 'unknown',
    });
  });

  it('calls a ContractError (recognised by its brand) the record’s fault', () => {
    const contractError = Object.assign(new Error('Order breaks the contract: /order_id must be a string'), {
      [Symbol.for('@order-service/contracts.ContractError')]: true,
      code: 'CONTRACT_SCHEMA_VIOLATION',
      retryable: false,
    });
    expect(classifyError(contractError)).toMatchObject({
      code: 'CONTRACT_SCHEMA_VIOLATION',
      fault: 'record',
    });
    const withoutFlag = { [Symbol.for('@order-service/contracts.ContractError')]: true, message: 'x' };
    expect(classifyError(withoutFlag).fault).toBe('record');
  });

  it('reads kafkajs’ retriable flag', () => {
    expect(classifyError(new KafkaJSConnectionError('Connection timeout')).fault).toBe('transient');
    expect(classifyError(new KafkaJSNonRetriableError('gave up'))).toMatchObject({
      fault: 'record',
      retryable: false,
    });
    const tooLarge = new KafkaJSProtocolError(
      Object.assign(new Error('The request included a message larger than the max message size'), {
        type: 'MESSAGE_TOO_LARGE',
        code: 10,
        retriable: false,
      }),
    );
    expect(classifyError(tooLarge)).toMatchObject({ code: 'RUNTIME_HANDLER_FAILED', fault: 'record' });
  });

  it('classifies a raw pg or PGlite error by its SQLSTATE class, like the store', () => {
    const nul = {
      code: '22021',
      severity: 'ERROR',
      message: 'invalid byte sequence for encoding "UTF8": 0x00',
    };
    expect(classifyError(nul)).toMatchObject({ code: 'RUNTIME_STORE_QUERY_FAILED', fault: 'record' });
    expect(classifyError({ code: '57014', severity: 'ERROR', message: 'canceling statement' })).toMatchObject(
      {
        code: 'RUNTIME_STORE_TIMEOUT',
        fault: 'transient',
      },
    );
  });

  it('calls a Node network error transient', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:80'), { code: 'ECONNREFUSED' });
    expect(classifyError(refused)).toMatchObject({
      code: 'ECONNREFUSED',
      fault: 'transient',
      retryable: true,
    });
  });

  it.each([
    ['a plain Error', new Error('boom')],
    ['a TypeError', new TypeError('x is not a function')],
    ['a RangeError', new RangeError('Incorrect locale information provided')],
    ['an error with an unrelated code', Object.assign(new Error('nope'), { code: 'ERR_SOMETHING' })],
  ])('leaves %s unknown, retryable for compatibility', (_name, error) => {
    const result = classifyError(error);
    expect(result.fault).toBe('unknown');
    expect(result.retryable).toBe(true);
    expect(result.message).toBe(error.message);
  });

  it('names errors without a code RUNTIME_HANDLER_FAILED, also thrown non-errors', () => {
    expect(classifyError(new Error('boom')).code).toBe('RUNTIME_HANDLER_FAILED');
    expect(classifyError('a string')).toEqual({
      code: 'RUNTIME_HANDLER_FAILED',
      message: 'a string',
      retryable: true,
      fault: 'unknown',
    });
    expect(classifyError(undefined).fault).toBe('unknown');
  });
});
