import { runService } from '@order-service/runtime';
import { orderProducerService } from './service.ts';

await runService(orderProducerService);
