import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Database } from './database';
import { dataSourceOptions } from './data-source-options';

/** Connects to PostgreSQL at `url`, runs pending migrations and provides `Database` everywhere. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(url))],
      providers: [Database],
      exports: [Database],
    };
  }
}
