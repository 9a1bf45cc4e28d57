import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, ROLES_KEY } from './decorators';
import type { Identity, Role } from './identity';
import { InvalidTokenError, TokenService } from './token-service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and a role
 * listed in @Roles() when present. The verified identity becomes `request.actor`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Identity }>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Send a bearer token in the Authorization header.' });
    }
    try {
      request.actor = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException({ statusCode: 401, code: 'INVALID_TOKEN', message: error.message });
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw new ForbiddenException({ statusCode: 403, code: 'ROLE_NOT_ALLOWED', message: `This action needs one of these roles: ${roles.join(', ')}; you act as ${request.actor.role}.` });
    }
    return true;
  }
}
