export { ROLES, isRole, type Role, type Identity } from './identity';
export { TokenService, authConfigFromEnv, InvalidTokenError, type AuthConfig, type AuthMode } from './token-service';
export { Public, Roles, Actor } from './decorators';
export { AuthGuard } from './auth.guard';
export { AuthModule } from './auth.module';
