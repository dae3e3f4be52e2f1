import { Topics } from '@samad/events';
import { Kafka } from 'kafkajs';
export const probe = [Topics, Kafka];
