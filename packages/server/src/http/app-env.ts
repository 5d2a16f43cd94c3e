import type { Vigie } from '../create-vigie';

/** Per-request variables: who is asking and in which workspace (issue 6 fills in the caller). */
export interface AppEnv {
  Variables: {
    workspaceId: string;
  };
}

/** What routes may use: the composed services. */
export type AppDeps = Vigie;
