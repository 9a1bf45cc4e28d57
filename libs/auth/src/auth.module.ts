import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { DevController } from './dev.controller';
import { TokenService, type AuthConfig } from './token-service';

@Module({})
export class AuthModule {
  static register(config: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      controllers: [DevController],
      providers: [{ provide: TokenService, useValue: new TokenService(config) }, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [TokenService],
    };
  }
}
