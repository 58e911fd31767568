export {
  type LocalKafkaOverrides,
  type LocalKafkaStatus,
  localKafkaStatus,
  startLocalKafka,
  stopLocalKafka,
} from './local-kafka-cli.ts';
