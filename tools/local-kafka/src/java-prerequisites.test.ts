import { describe, expect, it } from 'vitest';
import { javaExecutable, parseJavaMajorVersion } from './java-prerequisites.ts';

describe('parseJavaMajorVersion', () => {
  it('reads the major version of modern and legacy version strings', () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajorVersion('java version "1.8.0_392"')).toBe(8);
  });

  it('returns undefined for output that is not a version', () => {
    expect(parseJavaMajorVersion('bash: java: command not found')).toBeUndefined();
  });
});

describe('javaExecutable', () => {
  it('prefers JAVA_HOME over the PATH', () => {
    expect(javaExecutable({ JAVA_HOME: '/opt/jdk' })).toBe('/opt/jdk/bin/java');
    expect(javaExecutable({})).toBe('java');
  });
});
