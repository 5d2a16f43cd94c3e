import type { Permission } from '@vigie/client';
import type { ReactNode } from 'react';
import { useCan } from './session-context';

/** Renders its children only when the current role holds `permission` (the server enforces it anyway). */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? <>{children}</> : null;
}
