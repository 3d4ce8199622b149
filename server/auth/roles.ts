import { ALL_CLIENTS, type ApiKeyRecord, type Role } from '../store/records.ts';

export const PERMISSIONS = [
  'client:read',
  'client:write',
  'client:create',
  'strategy:read',
  'strategy:write',
  'version:create',
  'publish',
  /** Decide orders for real: the decision is audited and consumes counters and stock. */
  'evaluate',
  /** Decide orders without a trace in the audit log or the state: trying a pipeline out. */
  'evaluate:dry',
  'audit:read',
  'state:read',
  'state:write',
  'key:admin',
  'plugin:read',
  /** Upload and delete plugin builds: plugin developers and admins. */
  'plugin:write',
  /** Read mappings, histories, simulation jobs and their reports. */
  'simulation:read',
  /** Upload histories and mappings, start and cancel simulations: consultants and admins. */
  'simulation:run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'client:read',
  'strategy:read',
  'audit:read',
  'state:read',
  'plugin:read',
  'simulation:read',
];

/**
 * What each role may do: consultants configure and publish, plugin developers edit
 * but do not publish, viewers read, the OMS (service) decides orders and pushes stock. Only the
 * OMS and admins decide orders for real; people try pipelines out with dry runs.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: new Set(PERMISSIONS),
  consultant: new Set([
    ...READ,
    'client:write',
    'strategy:write',
    'version:create',
    'publish',
    'evaluate:dry',
    'state:write',
    'simulation:run',
  ]),
  developer: new Set([...READ, 'strategy:write', 'version:create', 'evaluate:dry', 'plugin:write']),
  viewer: new Set(READ),
  service: new Set(['client:read', 'evaluate', 'evaluate:dry', 'state:read', 'state:write']),
};

export function hasPermission(key: Pick<ApiKeyRecord, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[key.role].has(permission);
}

export function coversClient(key: Pick<ApiKeyRecord, 'clients'>, clientId: string): boolean {
  return key.clients.includes(ALL_CLIENTS) || key.clients.includes(clientId);
}

export function coversAllClients(key: Pick<ApiKeyRecord, 'clients'>): boolean {
  return key.clients.includes(ALL_CLIENTS);
}
