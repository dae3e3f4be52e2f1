// The agency inbox as GET /api/agency/inbox answers it (apps/agency/src/view-inbox).
export interface Named {
  code: string;
  nameFa: string;
  nameEn: string;
}

export interface InboxItem {
  trackingCode: string;
  status: string;
  priority: string;
  kind: string;
  channel: string;
  collective: boolean;
  category: Named;
  county: Named;
  description: string;
  citizen: { fullName: string | null; mobile: string | null };
  citizenCount: number;
  dueAt: string;
  overdue: boolean;
  routedAt: string;
  acknowledgedAt?: string;
  referredTo?: string;
  answer?: { outcome: string; text: string; answeredAt: string };
}

/** One page of the inbox: the server pages it (ADR 42) and says how many there are in all. */
export interface Inbox {
  agency: string;
  status: string;
  items: InboxItem[];
  total: number;
  page: number;
  pageSize: number;
}
