import { describe, expect, it } from 'vitest';
import { readListeners, renderServerProperties } from './render-server-properties.ts';

const options = {
  host: 'localhost',
  port: 9092,
  controllerPort: 9093,
  dataDirectory: '/cache/kafka/data',
  partitions: 3,
};

function parse(text: string): Map<string, string> {
  const entries = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const index = line.indexOf('=');
      return [line.slice(0, index), line.slice(index + 1)] as const;
    });
  return new Map(entries);
}

describe('renderServerProperties', () => {
  it('describes one combined broker and controller in KRaft mode', () => {
    const properties = parse(renderServerProperties(options));
    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('node.id')).toBe('1');
    expect(properties.get('controller.listener.names')).toBe('CONTROLLER');
    expect(properties.get('controller.quorum.bootstrap.servers')).toBe('localhost:9093');
  });

  it('listens and advertises on the configured ports', () => {
    const properties = parse(renderServerProperties({ ...options, port: 19092, controllerPort: 19093 }));
    expect(properties.get('listeners')).toBe('PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093');
    expect(properties.get('advertised.listeners')).toContain('PLAINTEXT://localhost:19092');
  });

  it('sizes internal topics for a single node and keeps group joins and topic creation explicit', () => {
    const properties = parse(renderServerProperties(options));
    expect(properties.get('offsets.topic.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.min.isr')).toBe('1');
    expect(properties.get('min.insync.replicas')).toBe('1');
    expect(properties.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(properties.get('auto.create.topics.enable')).toBe('false');
    expect(properties.get('log.dirs')).toBe('/cache/kafka/data');
    expect(properties.get('num.partitions')).toBe('3');
  });

  it('escapes backslashes, which java.util.Properties reads as escapes', () => {
    const properties = parse(renderServerProperties({ ...options, dataDirectory: 'C:\\kafka\\data' }));
    expect(properties.get('log.dirs')).toBe('C:\\\\kafka\\\\data');
  });
});

describe('readListeners', () => {
  it('reads the listeners a rendered file declares', () => {
    expect(readListeners(renderServerProperties(options))).toBe(
      'PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093',
    );
  });

  it('returns undefined for a file without listeners', () => {
    expect(readListeners('node.id=1\n')).toBeUndefined();
  });
});
