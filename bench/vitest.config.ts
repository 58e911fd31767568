import { defineWorkspaceTestConfig } from '../vitest.shared.ts';

export default defineWorkspaceTestConfig({ integrationTimeoutMs: 300_000 });
