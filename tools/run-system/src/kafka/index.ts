export {
  type LocalKafkaOverrides,
  type LocalKafkaStart,
  type LocalKafkaStatus,
  localKafkaStatus,
  startLocalKafka,
  stopLocalKafka,
} from './local-kafka.ts';
