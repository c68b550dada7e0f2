import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@kontakt/config';
import { DatabaseModule } from '@kontakt/database';
import { IdentityModule } from '@kontakt/identity';
import { TopicsModule } from '@kontakt/topics';
import { CasesModule } from '@kontakt/cases';
import { IntakeModule } from '@kontakt/intake';
import { RoutingModule } from '@kontakt/routing';
import { WebformModule } from '@kontakt/channels/webform';
import { EmailModule } from '@kontakt/channels/email';
import { PhoneModule } from '@kontakt/channels/phone';
import { SmsModule } from '@kontakt/channels/sms';
import { StaffLoggedModule } from '@kontakt/channels/staff-logged';
import { PostModule } from '@kontakt/channels/post';
import { CryptoModule } from '@kontakt/crypto';
import { OutboxModule } from '@kontakt/outbox';
import { AnalyticsModule } from '@kontakt/analytics';
import { AdminBootstrap } from './admin-bootstrap';
import { HealthController } from './health/health.controller';
import { DemoModule } from './demo/demo.module';
import { WebAppModule } from './web-app/web-app.module';
import { CaseResolutionModule } from '@kontakt/case-resolution';
import { WallboardModule } from '@kontakt/wallboard';
import { ReplyTemplatesModule } from '@kontakt/reply-templates';

/** The one server: every domain module, wired to the validated config and the database at `databaseUrl`. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        CryptoModule,
        OutboxModule,
        IdentityModule,
        TopicsModule,
        CasesModule,
        IntakeModule,
        RoutingModule,
        WebformModule,
        EmailModule,
        PhoneModule, SmsModule, StaffLoggedModule,
        PostModule,
        DemoModule,
        AnalyticsModule,
        WebAppModule,
        CaseResolutionModule,
        WallboardModule,
        ReplyTemplatesModule,
      ],
      controllers: [HealthController],
      providers: [AdminBootstrap],
    };
  }
}
