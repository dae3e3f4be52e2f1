// The agency's inbox, live (ADR 44): each event names a request that changed and how; the screens fetch its
// row (and the open request page) again, nothing is taken from the stream but the tracking code.
import { useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { groupedCode } from './format';
import type { Lang, Messages } from './i18n';
import { useLiveFeed } from './useLiveFeed';

export interface InboxLiveChange {
  readonly trackingCode: string;
  readonly agencyCode: string;
  /** The server's vocabulary (ADR 44); an unknown one still means "something changed". */
  readonly change: string;
}

// After these the row is no longer in the agency's open list (returned: no longer the agency's at all).
const leftBecause: Record<string, keyof Messages> = {
  returned: 'liveLeftReturned',
  closed: 'liveLeftClosed',
  merged: 'liveLeftMerged',
};
const arrivals = new Set(['assigned', 'reopened']);

/** Whether the request is no longer in the agency's open list after this change. */
export const leftOpenList = (change: InboxLiveChange): boolean => change.change in leftBecause;

/**
 * Listens to the agency's inbox stream while mounted: on every change the inbox list and, for that request,
 * its page (row and history) are fetched again; `onChange` hears each change. Answers whether it is live.
 */
export function useInboxLive(onChange?: (change: InboxLiveChange) => void): boolean {
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(false);
  const connected = useLiveFeed('/api/agency/inbox/events', (type, data) => {
    if (type === 'live') {
      setReady(true);
      // (Re)connected: whatever changed while the stream was down is read again.
      for (const key of ['inbox', 'inbox-item', 'agency-history'])
        void queryClient.invalidateQueries({ queryKey: [key] });
      return;
    }
    if (type !== 'inbox') return;
    const change = data as Partial<InboxLiveChange>;
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    if (typeof change.trackingCode !== 'string') return;
    void queryClient.invalidateQueries({ queryKey: ['inbox-item', change.trackingCode] });
    void queryClient.invalidateQueries({ queryKey: ['agency-history', change.trackingCode] });
    if (typeof change.change === 'string') onChange?.(change as InboxLiveChange);
  });
  useEffect(() => {
    if (!connected) setReady(false);
  }, [connected]);
  return connected && ready;
}

/** The short notice a change deserves on screen: a request arrived, or left the open list; else none. */
export function liveNotice(change: InboxLiveChange, t: Messages, lang: Lang): ReactNode | undefined {
  const code = change.trackingCode;
  const link = <Link to={`/agency/requests/${code}`}>{groupedCode(code, lang)}</Link>;
  if (arrivals.has(change.change))
    return (
      <span role="status" data-testid={`live-notice-${code}`}>
        {t.newRequestArrived} {link}
      </span>
    );
  const left = leftBecause[change.change];
  if (!left) return undefined;
  return (
    <span role="status" data-testid={`live-left-${code}`} data-change={change.change}>
      {t[left] as string} {link}
    </span>
  );
}
