import { describe, expect, it } from 'vitest';
import { brokerMainClass, buildBrokerArguments } from './broker-command.ts';

describe('buildBrokerArguments', () => {
  const args = buildBrokerArguments({
    heapOptions: ['-Xmx1g', '-Xms256m'],
    classpath: '/libs/a.jar:/libs/b.jar',
    log4jConfig: '/cache/log4j2.properties',
    logsDirectory: '/cache/logs',
    serverProperties: '/cache/server.properties',
  });

  it('puts JVM options first and ends with the main class and its configuration file', () => {
    expect(args.slice(0, 2)).toEqual(['-Xmx1g', '-Xms256m']);
    expect(args.slice(-2)).toEqual([brokerMainClass, '/cache/server.properties']);
  });

  it('points log4j2 at the written configuration and passes the classpath', () => {
    expect(args).toContain('-Dlog4j2.configurationFile=/cache/log4j2.properties');
    expect(args[args.indexOf('-cp') + 1]).toBe('/libs/a.jar:/libs/b.jar');
  });
});
