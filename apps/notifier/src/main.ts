import { runService } from '@order-service/runtime';
import { notifierService } from './service.ts';

await runService(notifierService());
