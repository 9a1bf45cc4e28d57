import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Identity, Role } from './identity';

export const PUBLIC_ROUTE = 'tenderledger:public';
export const ROLES_KEY = 'tenderledger:roles';

/** No token needed (health, metrics, API docs, dev token issuing). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; no decorator means any authenticated identity. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The verified identity of the caller. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): Identity => {
  const request = context.switchToHttp().getRequest<{ actor?: Identity }>();
  if (!request.actor) throw new Error('Actor used on a public route');
  return request.actor;
});
