import { defineWorkspaceTestConfig } from '../../vitest.shared.ts';

export default defineWorkspaceTestConfig();
