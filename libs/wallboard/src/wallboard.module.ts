import { Module } from '@nestjs/common';
import { WallboardController } from './wallboard.controller';
import { WallboardRepository } from './wallboard.repository';

/** Figures for the supervisor wallboard beyond the router's live queue and agent stats. */
@Module({ controllers: [WallboardController], providers: [WallboardRepository] })
export class WallboardModule {}
