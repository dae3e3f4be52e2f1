import type {
  DeadlineResumed,
  ExtensionApproved,
  ExtensionRefused,
  ExtensionRequested,
  InformationRequested,
  InformationSupplied,
} from '../request.events';
import { AGENCY, T, TRACKING_CODE } from './request.fixtures';

const about = { trackingCode: TRACKING_CODE, agencyCode: AGENCY };

/** One of each extension and information-request fact (ADR 24), for mapper and contract specs. */
export const extensionEvents = {
  extensionRequested: (): ExtensionRequested => ({
    type: 'ExtensionRequested',
    data: {
      ...about,
      extensionId: 'ext-1',
      proposedDueAt: '2024-10-29T05:30:00.000Z',
      currentDueAt: T.due,
      reason: 'نیاز به بازدید میدانی',
      requestedBy: 'staff1',
      at: '2024-10-20T06:00:00.000Z',
    },
  }),
  extensionApproved: (): ExtensionApproved => ({
    type: 'ExtensionApproved',
    data: {
      ...about,
      extensionId: 'ext-1',
      dueAt: '2024-10-29T05:30:00.000Z',
      previousDueAt: T.due,
      decidedBy: 'supervisor1',
      at: '2024-10-20T08:00:00.000Z',
    },
  }),
  extensionRefused: (): ExtensionRefused => ({
    type: 'ExtensionRefused',
    data: {
      ...about,
      extensionId: 'ext-1',
      reason: 'مهلت فعلی کافی است',
      decidedBy: 'supervisor1',
      at: '2024-10-20T08:00:00.000Z',
    },
  }),
  informationRequested: (): InformationRequested => ({
    type: 'InformationRequested',
    data: {
      ...about,
      question: 'نشانی دقیق محل؟',
      requestedBy: 'staff1',
      dueAt: T.due,
      at: '2024-10-20T06:00:00.000Z',
    },
  }),
  informationSupplied: (): InformationSupplied => ({
    type: 'InformationSupplied',
    data: {
      ...about,
      information: 'پلاک ۱۲',
      suppliedBy: 'operator1',
      requestedAt: '2024-10-20T06:00:00.000Z',
      at: '2024-10-21T06:00:00.000Z',
    },
  }),
  deadlineResumed: (): DeadlineResumed => ({
    type: 'DeadlineResumed',
    data: {
      ...about,
      dueAt: '2024-10-23T05:30:00.000Z',
      previousDueAt: T.due,
      pausedFrom: '2024-10-20T06:00:00.000Z',
      pausedUntil: '2024-10-21T06:00:00.000Z',
      at: '2024-10-21T06:00:10.000Z',
    },
  }),
};
