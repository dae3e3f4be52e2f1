import { Injectable } from '@nestjs/common';
import { Topics } from '@samad/events';
import { storedFormOf } from '@samad/personal-data';
import { encodeRecordedRequestEvent } from '@samad/request-application';
import { trackingCodeOfStream } from '@samad/request-lifecycle';
import { StoreRelayHost, type HostedRelayOptions } from './store-relay.host';

/** Publishes every stored request event to `samad.request-events`, each batch exactly once (ADR 0018). */
@Injectable()
export class RequestEventRelayHost extends StoreRelayHost {
  protected readonly readinessName = 'relay';

  protected relayOptions(): HostedRelayOptions {
    return {
      name: 'request-events',
      // The topic carries events as stored: citizens and free text sealed, unreadable once a key is destroyed.
      store: storedFormOf(this.store),
      topic: Topics.requestEvents,
      deadLetterTopic: Topics.deadLetter,
      encode: encodeRecordedRequestEvent,
      // The access-audit stream (who saw whose personal data, and why) is read from the store, never published.
      include: (event) => trackingCodeOfStream(event.streamId) !== undefined,
      exactlyOnce: { checkpointTopic: Topics.requestEvents },
    };
  }
}
