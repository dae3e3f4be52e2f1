import { Injectable } from '@nestjs/common';
import {
  Topics,
  decodeIntegrationEvent,
  encodeIntegrationEvent,
  requestLifecycleEventTypes,
  type RequestLifecycleIntegrationEvent,
} from '@samad/events';
import type { RecordedEvent, RelayedMessage } from '@samad/event-store';
import { storedFormOf } from '@samad/personal-data';
import { encodeRecordedRequestEvent } from '@samad/request-application';
import { isRequestEvent } from '@samad/request-lifecycle';
import {
  StoreRelayHost,
  UnprocessableMessageError,
  failureKind,
  type HostedRelayOptions,
} from '@samad/service-kit';
import { agencyMessagesFor } from './agency-topic.messages';
import { toAgencyEnvelope } from './agency-topic-envelope';
import { RequestStateCache } from './request-state.cache';

const lifecycleTypes: ReadonlySet<string> = new Set(requestLifecycleEventTypes);

/**
 * Feeds each agency's own topic straight from the store, each batch in one Kafka transaction with the
 * relay's position (ADR 0018): an agency system sees every message once, even across database outages
 * and failovers, which publishing from the inbox consumer before its commit could not promise.
 */
@Injectable()
export class AgencyTopicRelayHost extends StoreRelayHost {
  protected readonly readinessName = 'agencyTopicsRelay';
  private readonly states = new RequestStateCache();

  protected relayOptions(): HostedRelayOptions {
    return {
      name: 'agency-topics',
      // Read as the request topic carries them (sealed), which is what the v2 contracts validate.
      store: storedFormOf(this.store),
      route: (event) => this.route(event),
      isPermanentError: (error) => failureKind(error) === 'permanent',
      deadLetterTopic: Topics.deadLetter,
      // A topic the agency may read: the position is committed as that group's offset metadata.
      exactlyOnce: { checkpointTopic: Topics.requestEvents },
    };
  }

  private async route(event: RecordedEvent): Promise<RelayedMessage[]> {
    if (!isRequestEvent(event)) return [];
    let encoded: string;
    try {
      encoded = encodeRecordedRequestEvent(event);
    } catch (error) {
      throw new UnprocessableMessageError(`${event.id} cannot be encoded: ${String(error)}`);
    }
    const decoded = decodeIntegrationEvent(encoded);
    if (!decoded.ok) throw new UnprocessableMessageError(`${event.id}: ${decoded.reason}`);
    if (!lifecycleTypes.has(decoded.event.eventType)) return [];
    const source = decoded.event as RequestLifecycleIntegrationEvent;
    // Keyed like the request topic (by stream), so an agency sees each request's messages in order.
    return (await agencyMessagesFor(this.store, this.states, source)).map((message) => ({
      topic: message.topic,
      message: { key: message.key, value: encodeIntegrationEvent(toAgencyEnvelope(message, source)) },
    }));
  }
}
