import { runService } from '@order-service/runtime';
import { statusWorkerService } from './service.ts';

await runService(statusWorkerService);
