import { Module } from '@nestjs/common';
import { ConsoleModule } from '../../console/console.module';
import { AssessmentModule } from '../assessment.module';
import { AssessmentConsoleController } from './assessment-console.controller';
import { AssessmentConsoleService } from './assessment-console.service';

/** The assessment pages, on the service of the REST routes. */
@Module({
  imports: [ConsoleModule, AssessmentModule],
  controllers: [AssessmentConsoleController],
  providers: [AssessmentConsoleService],
})
export class AssessmentConsoleModule {}
