import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClasspath, findClasspathProblems, requiredBrokerJars } from './broker-classpath.ts';

const release = { version: '4.4.0', scalaVersion: '2.13', slf4jVersion: '2.0.17', log4jVersion: '2.25.5' };
const complete = [...requiredBrokerJars(release), 'scala-library-2.13.18.jar', 'zstd-jni-1.5.7-17.jar'];

describe('findClasspathProblems', () => {
  it('accepts a jar set with the broker and its log4j2 binding', () => {
    expect(findClasspathProblems(complete, release)).toEqual([]);
  });

  it('names each missing jar', () => {
    const withoutBinding = complete.filter(
      (jar) => !jar.startsWith('log4j-slf4j2-impl') && !jar.startsWith('kafka_2.13'),
    );
    expect(findClasspathProblems(withoutBinding, release)).toEqual([
      'missing kafka_2.13-4.4.0.jar',
      'missing log4j-slf4j2-impl-2.25.5.jar',
    ]);
  });

  it('rejects a second slf4j-api or another binding', () => {
    const problems = findClasspathProblems(
      [...complete, 'slf4j-api-1.7.36.jar', 'slf4j-reload4j-1.7.36.jar'],
      release,
    );
    expect(problems).toEqual([
      'more than one slf4j-api: slf4j-api-2.0.17.jar, slf4j-api-1.7.36.jar',
      'other SLF4J bindings beside log4j-slf4j2-impl: slf4j-reload4j-1.7.36.jar',
    ]);
  });
});

describe('buildClasspath', () => {
  it('lists every jar of the folder in a stable order and skips other files', () => {
    const classpath = buildClasspath('/libs', ['b.jar', 'resolved.json', 'a.jar']);
    expect(classpath.split(delimiter)).toEqual(['/libs/a.jar', '/libs/b.jar']);
  });
});
