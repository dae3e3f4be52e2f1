import { randomUUID } from 'node:crypto';
// Who may call what: the four services in-process on the real broker and database, every endpoint walked
// with every role, plus forged tokens, sign-in and its throttling, rate limits and HTTP hardening.
import { generateKeyPairSync, randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWK, type KeyLike } from 'jose';
import { DataSource } from 'typeorm';
import { IdentityProviderUnavailableError, TokenVerifier } from '@samad/service-kit';
import { toPersianDigits, trackingCodeFromNumber } from '@samad/request-lifecycle';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { hashPassword } from '../../apps/intake/src/login/password-hash';
import { citizen, randomNationalCode, registrationBody } from '../../apps/intake/test/intake-test-kit';
import {
  bearer,
  craftToken,
  localPublicKeyPem,
  tamperedToken,
  tokenFor,
  unsignedToken,
} from '../support/auth';
import { waitFor } from '../support/environment';
import type { Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';

type ServiceKey = 'intake' | 'routing' | 'agency' | 'reporting';

const allowedOrigin = 'https://samad.hormozgan.example';
const trackLimits = { perClient: 5, perCode: 3 };
const loginLimits = { perPair: 5, perClient: 8 };

// Everyone the table tries, with the token they would hold.
const callers = {
  'no token': async (): Promise<Record<string, string>> => ({}),
  operator: () => bearer('operator', { sub: 'sec-operator' }),
  'agency_staff of ABFA': () => bearer('agency_staff', { agency: 'ABFA', sub: 'sec-staff-abfa' }),
  'agency_staff of BARGH': () => bearer('agency_staff', { agency: 'BARGH', sub: 'sec-staff-bargh' }),
  'agency_system of ABFA': () => bearer('agency_system', { agency: 'ABFA', sub: 'abfa-integration' }),
  // ADR 38: reads its agency's requests like its staff, and registers and answers callers in person.
  'agency_manager of ABFA': () => bearer('agency_manager', { agency: 'ABFA', sub: 'sec-manager-abfa' }),
  supervisor: () => bearer('supervisor', { sub: 'sec-supervisor' }),
  official: () => bearer('official', { sub: 'sec-official' }),
  auditor: () => bearer('auditor', { sub: 'sec-auditor' }),
  admin: () => bearer('admin', { sub: 'sec-admin' }),
};
type Caller = keyof typeof callers;
const callerNames = Object.keys(callers) as Caller[];
const everyoneSignedIn = callerNames.filter((c) => c !== 'no token');

interface Fixtures {
  /** Routed to ABFA: refused calls aim here, and calls that change nothing. */
  shared: string;
  sharedCitizen: { nationalCode: string; mobile: string };
  /** Fresh requests in ABFA's inbox, one per allowed agency command. */
  abfaPool: string[];
  /** Waiting for a supervisor to route it. */
  manualPool: string[];
  /** For a supervisor to close by hand. */
  closePool: string[];
}

// 400/415: let in, then refused for the body it was sent (a JSON body where a file goes).
type Outcome = 'ok' | 400 | 404 | 409 | 415;

interface Endpoint {
  service: ServiceKey;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document names it. */
  route: string;
  allowed: Partial<Record<Caller, Outcome>>;
  /** The concrete call; `allowed` calls get fresh fixtures when they change something. */
  request: (f: Fixtures, allowed: boolean) => { path: string; body?: unknown };
}

const all = (outcome: Outcome = 'ok'): Partial<Record<Caller, Outcome>> =>
  Object.fromEntries(everyoneSignedIn.map((c) => [c, outcome]));
const agencyCommand = (action: string, body?: unknown): Endpoint => ({
  service: 'agency',
  method: 'POST',
  route: `/api/agency/requests/{code}/${action}`,
  // Another agency's staff meet the request as if it did not exist.
  allowed: { 'agency_staff of ABFA': 'ok', 'agency_system of ABFA': 'ok', 'agency_staff of BARGH': 404 },
  request: (f, allowed) => ({
    path: `/api/agency/requests/${allowed ? f.abfaPool.pop() : f.shared}/${action}`,
    body,
  }),
});

/** Every endpoint that needs a token, and who may use it. Everyone else: 401 without a token, 403 with one. */
const endpoints: Endpoint[] = [
  // ADR 28 and 29: campaigns, their boards, and scanned letters. Unknown ids where nothing should change.
  {
    service: 'intake',
    method: 'POST',
    route: '/api/campaigns',
    allowed: { supervisor: 'ok' },
    request: () => ({
      path: '/api/campaigns',
      body: {
        name: 'سفر استانی آزمون',
        countyCodes: ['BND'],
        startsOn: '2026-12-01',
        endsOn: '2026-12-03',
        targetOn: '2026-12-20',
      },
    }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/campaigns',
    allowed: { operator: 'ok', supervisor: 'ok' },
    request: () => ({ path: '/api/campaigns?status=open' }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/campaigns/{id}',
    allowed: { operator: 404, supervisor: 404 },
    request: () => ({ path: `/api/campaigns/${randomUUID()}` }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/campaigns/{id}/close',
    allowed: { supervisor: 404 },
    request: () => ({ path: `/api/campaigns/${randomUUID()}/close` }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/reports/campaigns/{id}/board',
    allowed: { supervisor: 'ok' },
    request: () => ({ path: `/api/reports/campaigns/${randomUUID()}/board` }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/{code}/attachments',
    allowed: { operator: 415, supervisor: 415 },
    request: (f) => ({ path: `/api/requests/${f.shared}/attachments`, body: { not: 'a file' } }),
  },
  {
    service: 'agency',
    method: 'GET',
    route: '/api/agency/requests/{code}/attachments',
    allowed: {
      'agency_staff of ABFA': 'ok',
      'agency_system of ABFA': 'ok',
      'agency_manager of ABFA': 'ok',
      'agency_staff of BARGH': 404,
    },
    request: (f) => ({ path: `/api/agency/requests/${f.shared}/attachments` }),
  },
  {
    service: 'agency',
    method: 'GET',
    route: '/api/agency/requests/{code}/attachments/{id}',
    allowed: {
      'agency_staff of ABFA': 404,
      'agency_system of ABFA': 404,
      'agency_manager of ABFA': 404,
      'agency_staff of BARGH': 404,
    },
    request: (f) => ({ path: `/api/agency/requests/${f.shared}/attachments/${randomUUID()}` }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests',
    allowed: { operator: 'ok', supervisor: 'ok' },
    request: () => ({ path: '/api/requests', body: registrationBody() }),
  },
  // ADR 36: the knowledge base and answer templates (agency editors are not among the callers here).
  {
    service: 'intake',
    method: 'GET',
    route: '/api/knowledge/articles',
    allowed: { operator: 'ok', supervisor: 'ok', admin: 'ok' },
    request: () => ({ path: `/api/knowledge/articles?q=${encodeURIComponent('آب')}` }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/knowledge/suggestions',
    allowed: { operator: 'ok', supervisor: 'ok', admin: 'ok' },
    request: () => ({
      path: `/api/knowledge/suggestions?categoryCode=WAT-CUT&description=${encodeURIComponent('آب قطع است')}`,
    }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/knowledge/articles',
    allowed: { admin: 'ok' },
    request: () => ({
      path: '/api/knowledge/articles',
      body: { categoryCode: 'WAT-CUT', titleFa: 'مقاله‌ی آزمون', body: 'متن مقاله‌ی آزمون' },
    }),
  },
  {
    service: 'intake',
    method: 'PUT',
    route: '/api/knowledge/articles/{articleId}',
    allowed: { admin: 404 },
    request: () => ({
      path: `/api/knowledge/articles/${randomUUID()}`,
      body: { categoryCode: 'WAT-CUT', titleFa: 'مقاله‌ی آزمون', body: 'متن', baseVersion: 1 },
    }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/knowledge/articles/{articleId}/versions',
    allowed: { admin: 404 },
    request: () => ({ path: `/api/knowledge/articles/${randomUUID()}/versions` }),
  },
  {
    service: 'agency',
    method: 'GET',
    route: '/api/agency/templates',
    allowed: { 'agency_staff of ABFA': 'ok', 'agency_staff of BARGH': 'ok' },
    request: () => ({ path: '/api/agency/templates' }),
  },
  {
    service: 'agency',
    method: 'POST',
    route: '/api/agency/templates',
    allowed: { 'agency_staff of ABFA': 'ok', 'agency_staff of BARGH': 'ok' },
    request: () => ({ path: '/api/agency/templates', body: { title: 'آزمون', body: 'پاسخ آزمون' } }),
  },
  {
    service: 'agency',
    method: 'PUT',
    route: '/api/agency/templates/{templateId}',
    allowed: { 'agency_staff of ABFA': 404, 'agency_staff of BARGH': 404 },
    request: () => ({
      path: `/api/agency/templates/${randomUUID()}`,
      body: { title: 'آزمون', body: 'پاسخ آزمون' },
    }),
  },
  {
    service: 'agency',
    method: 'DELETE',
    route: '/api/agency/templates/{templateId}',
    allowed: { 'agency_staff of ABFA': 404, 'agency_staff of BARGH': 404 },
    request: () => ({ path: `/api/agency/templates/${randomUUID()}` }),
  },
  {
    service: 'agency',
    method: 'POST',
    route: '/api/agency/requests/{code}/answer-preview/{templateId}',
    allowed: { 'agency_staff of ABFA': 404, 'agency_staff of BARGH': 404 },
    request: (f) => ({ path: `/api/agency/requests/${f.shared}/answer-preview/${randomUUID()}` }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/answered-in-person',
    allowed: { 'agency_manager of ABFA': 'ok' },
    request: () => ({
      path: '/api/requests/answered-in-person',
      body: {
        ...registrationBody({ categoryCode: 'WAT-CUT', countyCode: 'BND' }),
        answeredInPerson: { outcome: 'positive', text: 'اکیپ در محل است و آب امروز وصل می‌شود' },
      },
    }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/search',
    allowed: { operator: 'ok', supervisor: 'ok' },
    request: (f) => ({ path: '/api/requests/search', body: { nationalCode: f.sharedCitizen.nationalCode } }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/{code}/follow-ups',
    allowed: { operator: 'ok', supervisor: 'ok' },
    request: (f) => ({
      path: `/api/requests/${f.shared}/follow-ups`,
      body: { note: 'شهروند پیگیری کرد', channel: 'phone' },
    }),
  },
  // ADR 27: duplicates, similar requests, matters and signatories. Calls that would change something aim
  // at codes that do not exist (404) or at the shared individual request (409), so the table records nothing.
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/possible-duplicates',
    allowed: { operator: 'ok', supervisor: 'ok' },
    request: (f) => ({
      path: '/api/requests/possible-duplicates',
      body: { nationalCode: f.sharedCitizen.nationalCode, categoryCode: 'WAT-CUT', countyCode: 'BND' },
    }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/requests/{code}/similar',
    allowed: { operator: 'ok', supervisor: 'ok' },
    request: (f) => ({ path: `/api/requests/${f.shared}/similar` }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/{code}/merge',
    allowed: { supervisor: 404 },
    request: () => ({ path: `/api/requests/${newCode()}/merge`, body: { survivorCode: newCode() } }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/matters',
    allowed: { supervisor: 404 },
    request: () => ({ path: '/api/requests/matters', body: { trackingCodes: [newCode(), newCode()] } }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/requests/matters',
    allowed: { supervisor: 'ok' },
    request: () => ({ path: '/api/requests/matters?page=1&pageSize=5' }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/{code}/signatories',
    allowed: { operator: 409, supervisor: 409 },
    request: (f) => ({ path: `/api/requests/${f.shared}/signatories`, body: citizen() }),
  },
  {
    service: 'agency',
    method: 'POST',
    route: '/api/agency/matters/{matterId}/answer',
    allowed: { 'agency_staff of ABFA': 404, 'agency_staff of BARGH': 404, 'agency_system of ABFA': 404 },
    request: () => ({
      path: `/api/agency/matters/${randomUUID()}/answer`,
      body: { outcome: 'positive', text: 'پاسخ آزمون' },
    }),
  },
  {
    // The shared request is routed, not answered: nothing to judge yet (409), so the table records nothing.
    service: 'intake',
    method: 'POST',
    route: '/api/requests/{code}/verdict',
    allowed: { operator: 409, supervisor: 409 },
    request: (f) => ({ path: `/api/requests/${f.shared}/verdict`, body: { verdict: 'rate', rating: 4 } }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/catalog',
    allowed: all(),
    request: () => ({ path: '/api/catalog' }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/admin/users/{username}/unlock',
    allowed: { admin: 'ok' },
    request: () => ({ path: `/api/admin/users/nobody-${randomInt(1e9)}/unlock` }),
  },
  // The local identity store's users (ADR 48): unknown users and refused bodies, so the table changes nobody.
  {
    service: 'intake',
    method: 'GET',
    route: '/api/admin/users',
    allowed: { admin: 'ok' },
    request: () => ({ path: '/api/admin/users?pageSize=5' }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/admin/users',
    allowed: { admin: 400 },
    request: () => ({ path: '/api/admin/users', body: { username: 'x', role: 'admin', password: 'short' } }),
  },
  {
    service: 'intake',
    method: 'PATCH',
    route: '/api/admin/users/{username}',
    allowed: { admin: 404 },
    request: () => ({ path: `/api/admin/users/nobody-${randomInt(1e9)}`, body: { disabled: true } }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/admin/users/{username}/password',
    allowed: { admin: 404 },
    request: () => ({
      path: `/api/admin/users/nobody-${randomInt(1e9)}/password`,
      body: { password: 'a-long-enough-password' },
    }),
  },
  {
    // Each call signs a fresh token, so logging out in the table revokes only that one.
    service: 'intake',
    method: 'POST',
    route: '/api/auth/logout',
    allowed: all(),
    request: () => ({ path: '/api/auth/logout' }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/admin/citizens/erase',
    allowed: { admin: 'ok' },
    request: () => ({ path: '/api/admin/citizens/erase', body: { nationalCode: randomNationalCode() } }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/admin/notifications',
    allowed: { admin: 'ok' },
    request: () => ({ path: '/api/admin/notifications?pageSize=5' }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/admin/open311/clients',
    allowed: { admin: 'ok' },
    request: () => ({
      path: '/api/admin/open311/clients',
      body: { name: 'Security table', ratePerMinute: 1 },
    }),
  },
  {
    service: 'intake',
    method: 'GET',
    route: '/api/admin/open311/clients',
    allowed: { admin: 'ok' },
    request: () => ({ path: '/api/admin/open311/clients' }),
  },
  {
    // The operator's screen pop stream (ADR 45): only operators have an extension.
    service: 'intake',
    method: 'GET',
    route: '/api/telephony/calls/events',
    allowed: { operator: 'ok' },
    request: () => ({ path: '/api/telephony/calls/events' }),
  },
  {
    // Revoking an unknown client changes nothing: 404 for the administrator, refused for everyone else.
    service: 'intake',
    method: 'POST',
    route: '/api/admin/open311/clients/{id}/revoke',
    allowed: { admin: 404 },
    request: () => ({ path: `/api/admin/open311/clients/nobody-${randomInt(1e9)}/revoke` }),
  },
  {
    service: 'routing',
    method: 'GET',
    route: '/api/routing/rules',
    allowed: all(),
    request: () => ({ path: '/api/routing/rules' }),
  },
  // Routing rules kept by administrators (ADR 49): calls that change nothing (a seeded rule again, no such rule).
  {
    service: 'routing',
    method: 'POST',
    route: '/api/routing/rules',
    allowed: { admin: 409 },
    request: () => ({
      path: '/api/routing/rules',
      body: { categoryCode: 'MUN-WASTE', countyCode: 'QSM', agencyCode: 'QFZ', priority: 10 },
    }),
  },
  {
    service: 'routing',
    method: 'PUT',
    route: '/api/routing/rules/{id}',
    allowed: { admin: 404 },
    request: () => ({ path: '/api/routing/rules/999999999', body: { priority: 1 } }),
  },
  {
    service: 'routing',
    method: 'DELETE',
    route: '/api/routing/rules/{id}',
    allowed: { admin: 404 },
    request: () => ({ path: '/api/routing/rules/999999999' }),
  },
  {
    service: 'routing',
    method: 'GET',
    route: '/api/routing/rules/changes',
    allowed: { admin: 'ok', auditor: 'ok', supervisor: 'ok' },
    request: () => ({ path: '/api/routing/rules/changes' }),
  },
  {
    service: 'routing',
    method: 'GET',
    route: '/api/routing/agencies',
    allowed: all(),
    request: () => ({ path: '/api/routing/agencies' }),
  },
  {
    service: 'routing',
    method: 'GET',
    route: '/api/routing/manual-queue',
    allowed: { supervisor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/routing/manual-queue' }),
  },
  {
    service: 'routing',
    method: 'POST',
    route: '/api/routing/requests/{code}/route',
    allowed: { supervisor: 'ok' },
    request: (f, allowed) => ({
      path: `/api/routing/requests/${allowed ? f.manualPool.pop() : f.shared}/route`,
      body: { agencyCode: 'OSTANDARI' },
    }),
  },
  // The working calendar: administrators only. Calls that change something leave nothing behind.
  {
    service: 'routing',
    method: 'GET',
    route: '/api/admin/holidays',
    allowed: { admin: 'ok' },
    request: () => ({ path: '/api/admin/holidays?year=1410' }),
  },
  {
    service: 'routing',
    method: 'POST',
    route: '/api/admin/holidays',
    // 29 Esfand is a fixed holiday: an administrator gets 409, so the table declares nothing.
    allowed: { admin: 409 },
    request: () => ({ path: '/api/admin/holidays', body: { date: '1410/12/29', nameFa: 'آزمون' } }),
  },
  {
    service: 'routing',
    method: 'DELETE',
    route: '/api/admin/holidays/{date}',
    allowed: { admin: 404 },
    request: () => ({ path: '/api/admin/holidays/1499-01-05' }),
  },
  {
    service: 'routing',
    method: 'GET',
    route: '/api/admin/categories/deadlines',
    allowed: { admin: 'ok' },
    request: () => ({ path: '/api/admin/categories/deadlines' }),
  },
  {
    service: 'routing',
    method: 'PUT',
    route: '/api/admin/categories/{code}/deadline',
    // The catalog's own value: setting it changes no due date elsewhere in the run.
    allowed: { admin: 'ok' },
    request: () => ({ path: '/api/admin/categories/GEN-OTHER/deadline', body: { deadlineDays: 10 } }),
  },
  {
    service: 'routing',
    method: 'POST',
    route: '/api/routing/requests/{code}/due-time',
    allowed: { supervisor: 'ok' },
    request: (f) => ({
      path: `/api/routing/requests/${f.shared}/due-time`,
      body: { dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), reason: 'فوری: بیمارستان' },
    }),
  },
  {
    service: 'routing',
    method: 'POST',
    route: '/api/routing/requests/{code}/close',
    allowed: { supervisor: 'ok' },
    request: (f, allowed) => ({
      path: `/api/routing/requests/${allowed ? f.closePool.pop() : f.shared}/close`,
      body: { reason: 'withdrawn' },
    }),
  },
  // The table's shared request has no extension and no question pending: a supervisor (an operator) gets past
  // the roles to the decider's 404 (409), and nothing changes.
  ...(['approve', 'refuse'] as const).map((verdict): Endpoint => ({
    service: 'routing',
    method: 'POST',
    route: `/api/routing/requests/{code}/extension-requests/{id}/${verdict}`,
    allowed: { supervisor: 404 },
    request: (f) => ({
      path: `/api/routing/requests/${f.shared}/extension-requests/no-such-extension/${verdict}`,
      body: verdict === 'refuse' ? { reason: 'مهلت فعلی کافی است' } : {},
    }),
  })),
  // ADR 37: directives. The shared request is ABFA's: one binding BARGH is refused by the decider (409),
  // and a directive id it does not have answers 404; nothing changes.
  {
    service: 'routing',
    method: 'POST',
    route: '/api/routing/directives',
    allowed: { supervisor: 409, official: 409 },
    request: (f) => ({
      path: '/api/routing/directives',
      body: {
        trackingCodes: [f.shared],
        instruction: 'ظرف دو روز گزارش شود',
        agencyCode: 'BARGH',
        dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      },
    }),
  },
  {
    service: 'agency',
    method: 'POST',
    route: '/api/agency/requests/{code}/directives/{id}/report',
    allowed: { 'agency_staff of ABFA': 404, 'agency_system of ABFA': 404, 'agency_staff of BARGH': 404 },
    request: (f) => ({
      path: `/api/agency/requests/${f.shared}/directives/no-such-directive/report`,
      body: { report: 'کارشناس اعزام شد' },
    }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/reports/directives',
    allowed: { supervisor: 'ok', official: 'ok', auditor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/reports/directives' }),
  },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/requests/{code}/information',
    allowed: { operator: 409, supervisor: 409 },
    request: (f) => ({ path: `/api/requests/${f.shared}/information`, body: { information: 'پلاک ۱۲' } }),
  },
  {
    service: 'agency',
    method: 'GET',
    route: '/api/agency/inbox',
    allowed: {
      'agency_staff of ABFA': 'ok',
      'agency_system of ABFA': 'ok',
      'agency_manager of ABFA': 'ok',
      'agency_staff of BARGH': 404,
      supervisor: 'ok',
      auditor: 'ok',
    },
    request: () => ({ path: '/api/agency/inbox?agency=ABFA' }),
  },
  {
    service: 'agency',
    method: 'GET',
    route: '/api/agency/inbox/events',
    allowed: {
      'agency_staff of ABFA': 'ok',
      'agency_system of ABFA': 'ok',
      'agency_manager of ABFA': 'ok',
      'agency_staff of BARGH': 404,
      supervisor: 'ok',
      auditor: 'ok',
    },
    request: () => ({ path: '/api/agency/inbox/events?agency=ABFA' }),
  },
  agencyCommand('acknowledge'),
  agencyCommand('refer', { unit: 'امور مشترکین' }),
  agencyCommand('answer', { outcome: 'negative', text: 'این انشعاب غیرمجاز است و قابل وصل نیست.' }),
  agencyCommand('return', { reason: 'این موضوع در حوزه‌ی ما نیست' }),
  // ADR 24: extensions and information requests.
  agencyCommand('extension-requests', {
    proposedDueAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
    reason: 'نیاز به بازدید میدانی',
  }),
  agencyCommand('information-requests', { question: 'نشانی دقیق محل را بفرمایید' }),
  {
    service: 'agency',
    method: 'GET',
    route: '/api/agency/requests/{code}/details',
    // Another agency's staff meet the request as if it did not exist.
    allowed: {
      'agency_staff of ABFA': 'ok',
      'agency_system of ABFA': 'ok',
      'agency_manager of ABFA': 'ok',
      'agency_staff of BARGH': 404,
    },
    request: (f) => ({ path: `/api/agency/requests/${f.shared}/details` }),
  },
  {
    service: 'agency',
    method: 'GET',
    route: '/api/agency/requests/{code}/history',
    allowed: {
      'agency_staff of ABFA': 'ok',
      'agency_system of ABFA': 'ok',
      'agency_manager of ABFA': 'ok',
      'agency_staff of BARGH': 404,
    },
    request: (f) => ({ path: `/api/agency/requests/${f.shared}/history` }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/reports/summary',
    allowed: { supervisor: 'ok', auditor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/reports/summary' }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/reports/overdue',
    allowed: { supervisor: 'ok', auditor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/reports/overdue' }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/reports/escalations',
    allowed: { supervisor: 'ok', auditor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/reports/escalations' }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/reports/extension-requests',
    allowed: { supervisor: 'ok', auditor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/reports/extension-requests' }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/reports/scorecards',
    allowed: { supervisor: 'ok', auditor: 'ok' },
    request: () => ({ path: '/api/reports/scorecards' }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/requests/{code}/history',
    allowed: { auditor: 'ok', supervisor: 'ok', admin: 'ok' },
    request: (f) => ({ path: `/api/requests/${f.shared}/history` }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/requests/{code}/state',
    allowed: { auditor: 'ok', supervisor: 'ok', admin: 'ok' },
    request: (f) => ({ path: `/api/requests/${f.shared}/state?asOf=2099-01-01T00:00:00Z` }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/requests/{code}/bundle',
    // A code no request has: the role was let through to the store, whether or not a checkpoint exists yet.
    allowed: { auditor: 404, admin: 404 },
    request: () => ({ path: `/api/requests/${trackingCodeFromNumber(899_999_999)}/bundle` }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/audit/checkpoints',
    allowed: { auditor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/audit/checkpoints' }),
  },
  {
    service: 'reporting',
    method: 'POST',
    route: '/api/audit/verifications',
    allowed: { auditor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/audit/verifications' }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/audit/verifications/{id}',
    allowed: { auditor: 404, admin: 404 },
    request: () => ({ path: '/api/audit/verifications/00000000-0000-4000-8000-000000000000' }),
  },
  {
    service: 'reporting',
    method: 'POST',
    route: '/api/requests/{code}/personal-data/reveal',
    allowed: { supervisor: 'ok', auditor: 'ok' },
    request: (f) => ({
      path: `/api/requests/${f.shared}/personal-data/reveal`,
      body: { reason: 'بررسی دسترسی‌ها در آزمون امنیتی' },
    }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/audit/personal-data-views',
    allowed: { auditor: 'ok' },
    request: () => ({ path: '/api/audit/personal-data-views' }),
  },
  {
    service: 'reporting',
    method: 'GET',
    route: '/api/reports/personal-data-views',
    allowed: { supervisor: 'ok', auditor: 'ok', admin: 'ok' },
    request: () => ({ path: '/api/reports/personal-data-views' }),
  },
  // Every service's parked messages: administrators only.
  ...(['intake', 'routing', 'agency', 'reporting'] as const).flatMap((service): Endpoint[] => {
    const base = `/api/admin/dead-letters/${service}`;
    return [
      { service, method: 'GET', route: base, allowed: { admin: 'ok' }, request: () => ({ path: base }) },
      {
        service,
        method: 'GET',
        route: `${base}/{id}`,
        allowed: { admin: 404 },
        request: () => ({ path: `${base}/${randomUUID()}` }),
      },
      {
        service,
        method: 'POST',
        route: `${base}/redrive`,
        allowed: { admin: 'ok' },
        request: () => ({ path: `${base}/redrive`, body: { ids: [randomUUID()] } }),
      },
    ];
  }),
];

/** What answers without a token: health (alias, live, ready), login, the key set, the citizen's lookup (404 for an unknown code), the AsyncAPI document. */
const publicRoutes: { service: ServiceKey; method: 'GET' | 'POST'; route: string; body?: object }[] = [
  ...(['intake', 'routing', 'agency', 'reporting'] as const).flatMap((service) =>
    ['/health', '/health/live', '/health/ready'].map((route) => ({ service, method: 'GET' as const, route })),
  ),
  { service: 'intake', method: 'POST', route: '/api/auth/login' },
  { service: 'intake', method: 'POST', route: '/api/auth/refresh' },
  { service: 'intake', method: 'GET', route: '/.well-known/jwks.json' },
  { service: 'intake', method: 'GET', route: '/api/track/{code}' },
  // The PBX's webhook: no token, its own key instead (ADR 45); without it, 401 TELEPHONY_KEY_INVALID.
  { service: 'intake', method: 'POST', route: '/api/telephony/answered-calls' },
  // The AsyncAPI document of the topics (ADR 34): contracts only, read before an agency has a token.
  { service: 'agency', method: 'GET', route: '/asyncapi' },
  {
    service: 'intake',
    method: 'POST',
    route: '/api/track/{code}/verdict',
    body: { verdict: 'rate', rating: 3, mobileLast4: '1234' },
  },
];

const agencyCommandCount = endpoints.filter(
  (e) => e.method === 'POST' && e.route.startsWith('/api/agency/requests/'),
).length;
const newCode = (): string => trackingCodeFromNumber(100_000_000 + randomInt(800_000_000));
/** A client address of its own (intake believes one proxy hop here), so per-client counters start at zero. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const client = (): Record<string, string> => ({
  'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
});

describe('access control, sign-in and HTTP hardening', () => {
  const services = {} as Record<ServiceKey, InProcessService>;
  const fixtures = {} as Fixtures;

  async function call(
    service: ServiceKey,
    method: string,
    path: string,
    { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<{ status: number; headers: Headers; body: Json }> {
    const res = await fetch(`${services[service].baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    // An event stream never ends: its status and headers are the answer.
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, headers: res.headers, body: {} };
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Json };
  }

  const registerAs = async (headers: Record<string, string>, body = registrationBody()): Promise<string> => {
    const res = await call('intake', 'POST', '/api/requests', { headers, body });
    if (res.status !== 201)
      throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.trackingCode as string;
  };

  // By tracking code: the shared test database holds more inbox rows than a page.
  const inAbfaInbox = async (code: string): Promise<boolean> =>
    (
      await call('agency', 'GET', `/api/agency/inbox?agency=ABFA&status=all&trackingCode=${code}`, {
        headers: await bearer('supervisor'),
      })
    ).body.items.length === 1;

  const waitInAbfaInbox = (codes: string[]) =>
    waitFor(`${codes.length} requests in ABFA's inbox`, async () =>
      (await Promise.all(codes.map(inAbfaInbox))).every(Boolean) ? true : undefined,
    );

  beforeAll(async () => {
    services.intake = await startInProcess('intake', (c) => IntakeModule.register(c), {
      TRUST_PROXY_HOPS: '1',
      CORS_ORIGINS: allowedOrigin,
      LOGIN_MAX_FAILURES: String(loginLimits.perPair),
      LOGIN_MAX_FAILURES_PER_CLIENT: String(loginLimits.perClient),
      TRACK_RATE_LIMIT_PER_MINUTE: String(trackLimits.perClient),
      TRACK_RATE_LIMIT_PER_CODE_PER_MINUTE: String(trackLimits.perCode),
    });
    services.routing = await startInProcess('routing', (c) => RoutingModule.register(c));
    services.agency = await startInProcess('agency', (c) => AgencyModule.register(c));
    services.reporting = await startInProcess('reporting', (c) => ReportingModule.register(c));

    const operator = await bearer('operator', { sub: 'sec-operator' });
    const person = citizen();
    fixtures.sharedCitizen = person;
    const toAbfa = () => registrationBody({ categoryCode: 'WAT-CUT', countyCode: 'BND' });
    fixtures.shared = await registerAs(operator, { ...toAbfa(), citizens: [person] });
    // Two callers may run each agency command: its staff and its system.
    fixtures.abfaPool = await Promise.all(
      Array.from({ length: agencyCommandCount * 2 }, () => registerAs(operator, toAbfa())),
    );
    fixtures.manualPool = [await registerAs(operator, registrationBody({ categoryCode: 'GEN-OTHER' }))];
    fixtures.closePool = [await registerAs(operator, registrationBody())];
    await waitInAbfaInbox([fixtures.shared, ...fixtures.abfaPool]);
    await waitFor('the manual queue', async () => {
      const { body } = await call('routing', 'GET', '/api/routing/manual-queue', {
        headers: await bearer('supervisor'),
      });
      return (body.items as Json[]).some((i) => i.trackingCode === fixtures.manualPool[0]) ? true : undefined;
    });
  }, 120_000);

  afterAll(async () => {
    for (const service of Object.values(services).reverse()) await service?.close();
  });

  describe('the endpoint table', () => {
    it('names every endpoint the four services serve', () => {
      const served = (Object.keys(services) as ServiceKey[]).flatMap((service) => {
        const document = SwaggerModule.createDocument(services[service].app, new DocumentBuilder().build());
        return Object.entries(document.paths).flatMap(([route, operations]) =>
          Object.keys(operations).map((method) => `${service} ${method.toUpperCase()} ${route}`),
        );
      });
      const listed = [...endpoints, ...publicRoutes].map((e) => `${e.service} ${e.method} ${e.route}`);
      expect(served.sort()).toEqual(listed.sort());
    });

    describe.each(endpoints.map((e) => [`${e.service} ${e.method} ${e.route}`, e] as const))(
      '%s',
      (_, endpoint) => {
        it.each(callerNames)('as %s', async (caller) => {
          const outcome = endpoint.allowed[caller];
          const { path, body } = endpoint.request(fixtures, outcome === 'ok');
          const res = await call(endpoint.service, endpoint.method, path, {
            headers: await callers[caller](),
            body,
          });
          if (caller === 'no token') {
            expect(res.status).toBe(401);
            expect(res.headers.get('www-authenticate')).toBe('Bearer realm="samad"');
            expect(res.headers.get('content-type')).toContain('application/problem+json');
          } else if (outcome === 'ok') {
            // The body is in the comparison so a failure shows why.
            expect({ class: `${Math.floor(res.status / 100)}xx`, body: res.body }).toEqual({
              class: '2xx',
              body: expect.anything(),
            });
          } else if (outcome === 400 || outcome === 404 || outcome === 409 || outcome === 415) {
            expect(res.status).toBe(outcome);
            expect(res.headers.get('content-type')).toContain('application/problem+json');
          } else {
            expect(res.status).toBe(403);
            expect(res.body).toMatchObject({ type: 'urn:samad:problem:forbidden', status: 403 });
          }
        });
      },
    );

    it.each(publicRoutes.map((r) => [`${r.service} ${r.method} ${r.route}`, r] as const))(
      '%s answers without a token',
      async (_, route) => {
        const path =
          route.method === 'GET'
            ? route.route.replace('{code}', `${newCode()}?mobileLast4=1234`)
            : route.route.replace('{code}', newCode());
        const body =
          route.body ?? (route.method === 'POST' ? { username: 'nobody', password: 'x' } : undefined);
        const res = await call(route.service, route.method, path, { headers: client(), body });
        expect(res.status).not.toBe(403);
        expect(res.body.type ?? '').not.toBe('urn:samad:problem:unauthenticated');
      },
    );
  });

  describe('agency binding', () => {
    it("shows agency staff their own inbox, and another agency's like one that does not exist", async () => {
      const own = await call(
        'agency',
        'GET',
        `/api/agency/inbox?status=all&trackingCode=${fixtures.shared}`,
        {
          headers: await bearer('agency_staff', { agency: 'ABFA' }),
        },
      );
      expect(own.status).toBe(200);
      expect(own.body.agency).toBe('ABFA');
      expect((own.body.items as Json[]).map((i) => i.trackingCode)).toContain(fixtures.shared);

      const theirs = await call('agency', 'GET', '/api/agency/inbox', {
        headers: await bearer('agency_staff', { agency: 'BARGH' }),
      });
      expect((theirs.body.items as Json[]).map((i) => i.trackingCode)).not.toContain(fixtures.shared);

      const peeking = await call('agency', 'GET', '/api/agency/inbox?agency=ABFA', {
        headers: await bearer('agency_staff', { agency: 'BARGH' }),
      });
      expect(peeking.status).toBe(404);
    });

    it('makes supervisors and auditors name the agency, and never lets them act for it', async () => {
      const unnamed = await call('agency', 'GET', '/api/agency/inbox', { headers: await bearer('auditor') });
      expect(unnamed.status).toBe(400);
      expect(unnamed.body.errors).toEqual([expect.objectContaining({ field: 'agency' })]);
      const acting = await call(
        'agency',
        'POST',
        `/api/agency/requests/${fixtures.shared}/acknowledge?agency=ABFA`,
        {
          headers: await bearer('supervisor'),
        },
      );
      expect(acting.status).toBe(403);
    });

    it("answers another agency's request exactly like an unknown one, whatever agency the query names", async () => {
      const barghStaff = await bearer('agency_staff', { agency: 'BARGH' });
      const abfaStaff = await bearer('agency_staff', { agency: 'ABFA' });
      const foreign = await call('agency', 'POST', `/api/agency/requests/${fixtures.shared}/acknowledge`, {
        headers: barghStaff,
      });
      const claimed = await call(
        'agency',
        'POST',
        `/api/agency/requests/${fixtures.shared}/acknowledge?agency=ABFA`,
        {
          headers: barghStaff,
        },
      );
      const otherAgencyNamed = await call(
        'agency',
        'POST',
        `/api/agency/requests/${fixtures.shared}/acknowledge?agency=BARGH`,
        { headers: abfaStaff },
      );
      for (const res of [foreign, claimed, otherAgencyNamed]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('REQUEST_NOT_FOUND');
      }
      expect(foreign.body).toEqual(claimed.body);
    });

    it('records the signed-in actor (token subject and role) in the metadata of every event they cause', async () => {
      const code = await registerAs(
        await bearer('operator', { sub: 'operator-77' }),
        registrationBody({ categoryCode: 'WAT-CUT', countyCode: 'BND' }),
      );
      await waitInAbfaInbox([code]);
      const system = await bearer('agency_system', { agency: 'ABFA', sub: 'abfa-crm' });
      expect(
        (await call('agency', 'POST', `/api/agency/requests/${code}/acknowledge`, { headers: system }))
          .status,
      ).toBe(200);
      const history = await call('reporting', 'GET', `/api/requests/${code}/history`, {
        headers: await bearer('auditor'),
      });
      expect(history.body.events.map((e: Json) => [e.type, e.actor])).toEqual([
        ['RequestRegistered', { id: 'operator-77', role: 'operator' }],
        ['RequestRoutedToAgency', expect.objectContaining({ role: 'system' })],
        ['RequestAcknowledged', { id: 'abfa-crm', role: 'agency_system' }],
      ]);
    });
  });

  describe('tokens', () => {
    const summary = (token: string) =>
      call('reporting', 'GET', '/api/reports/summary', { headers: { authorization: `Bearer ${token}` } });

    it('accepts a good supervisor token (the control for the refusals below)', async () => {
      expect((await summary(await tokenFor('supervisor'))).status).toBe(200);
    });

    it.each([
      [
        'expired',
        () => craftToken({ role: 'supervisor' }, { expiresAt: Math.floor(Date.now() / 1000) - 60 }),
      ],
      [
        'tampered (role rewritten, signature kept)',
        async () => tamperedToken(await tokenFor('operator'), (p) => ({ ...p, role: 'supervisor' })),
      ],
      ['alg: none', async () => unsignedToken({ sub: 'mallory', role: 'supervisor' })],
      [
        'HS256 signed with the public key as the secret',
        () =>
          craftToken(
            { role: 'supervisor' },
            { alg: 'HS256', key: new TextEncoder().encode(localPublicKeyPem()) },
          ),
      ],
      ['from another issuer', () => craftToken({ role: 'supervisor' }, { issuer: 'https://evil.example' })],
      ['for another audience', () => craftToken({ role: 'supervisor' }, { audience: 'another-api' })],
      [
        'signed with another key',
        () => craftToken({ role: 'supervisor' }, { key: generateKeyPairSync('ed25519').privateKey }),
      ],
      ['without a subject', () => craftToken({ role: 'supervisor' }, { subject: null })],
      ['with a role Samad does not know', () => craftToken({ role: 'governor' })],
      ['for agency staff without an agency', () => craftToken({ role: 'agency_staff' })],
      [
        'without an id (jti), so it could not be revoked',
        () => craftToken({ role: 'supervisor' }, { withoutId: true }),
      ],
      ['not a JWT at all', async () => 'not-a-token'],
    ])('refuses a token %s with 401', async (_, token) => {
      const res = await summary(await token());
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ type: 'urn:samad:problem:unauthenticated', status: 401 });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="samad", error="invalid_token"/);
    });

    it('refuses other authorization schemes', async () => {
      const res = await call('reporting', 'GET', '/api/reports/summary', {
        headers: { authorization: 'Basic c3VwZXJ2aXNvcjE6c2FtYWQtZGVtbw==' },
      });
      expect(res.status).toBe(401);
    });
  });

  describe('sign-in', () => {
    const password = 'correct horse battery 7';
    let operatorName: string;
    let staffName: string;

    const login = (username: string, secret: string, from = client()) =>
      call('intake', 'POST', '/api/auth/login', { headers: from, body: { username, password: secret } });

    beforeAll(async () => {
      const dataSource = services.intake.app.get(DataSource);
      const suffix = randomInt(1e9);
      operatorName = `sec-op-${suffix}`;
      staffName = `sec-staff-${suffix}`;
      for (const [username, role, agency] of [
        [operatorName, 'operator', null],
        [staffName, 'agency_staff', 'ABFA'],
      ] as const) {
        await dataSource.query(
          `INSERT INTO intake.users (username, password_hash, role, agency_code) VALUES ($1, $2, $3, $4)`,
          [username, await hashPassword(password), role, agency],
        );
      }
    });

    it('answers a short-lived EdDSA token that every service accepts and the public key set verifies', async () => {
      const res = await login(operatorName.toUpperCase(), password);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        refreshExpiresIn: 28800,
        role: 'operator',
      });
      expect(res.headers.get('cache-control')).toBe('no-store');

      const jwks = await call('intake', 'GET', '/.well-known/jwks.json');
      expect(jwks.body.keys).toEqual([
        expect.objectContaining({
          kty: 'OKP',
          crv: 'Ed25519',
          alg: 'EdDSA',
          use: 'sig',
          kid: expect.any(String),
        }),
      ]);
      const { payload, protectedHeader } = await jwtVerify(
        res.body.accessToken,
        createLocalJWKSet(jwks.body as { keys: JWK[] }),
        { issuer: 'samad', audience: 'samad-api' },
      );
      expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: jwks.body.keys[0].kid });
      expect(payload).toMatchObject({
        sub: operatorName,
        role: 'operator',
        jti: expect.any(String),
        sid: expect.any(String),
      });
      expect(payload.exp! - payload.iat!).toBe(900);

      const rules = await call('routing', 'GET', '/api/routing/rules', {
        headers: { authorization: `Bearer ${res.body.accessToken}` },
      });
      expect(rules.status).toBe(200);
    });

    it("binds an agency's staff to their agency", async () => {
      const res = await login(staffName, password);
      expect(res.body).toMatchObject({ role: 'agency_staff', agencyCode: 'ABFA' });
      const inbox = await call('agency', 'GET', '/api/agency/inbox', {
        headers: { authorization: `Bearer ${res.body.accessToken}` },
      });
      expect(inbox.body.agency).toBe('ABFA');
    });

    it('answers a wrong password and an unknown user the same 401', async () => {
      const wrong = await login(staffName, 'wrong password');
      const unknown = await login(`nobody-${randomInt(1e9)}`, password);
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual({
        type: 'urn:samad:problem:invalid-credentials',
        title: expect.any(String),
        status: 401,
        code: 'INVALID_CREDENTIALS',
      });
      expect(unknown.body).toEqual(wrong.body);
      expect(unknown.headers.get('www-authenticate')).toBe(wrong.headers.get('www-authenticate'));
    });

    it('stores a salted scrypt hash, never the password', async () => {
      const [{ password_hash: stored }] = (await services.intake.app
        .get(DataSource)
        .query(`SELECT password_hash FROM intake.users WHERE username = $1`, [operatorName])) as {
        password_hash: string;
      }[];
      expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w+/=]+\$[\w+/=]+$/);
      expect(stored).not.toContain(password);
    });

    it('forgives a username its failures from a client when it signs in from there', async () => {
      const username = `sec-forgiven-${randomInt(1e9)}`;
      await services.intake.app
        .get(DataSource)
        .query(`INSERT INTO intake.users (username, password_hash, role) VALUES ($1, $2, 'auditor')`, [
          username,
          await hashPassword(password),
        ]);
      const from = client();
      for (let round = 0; round < 2; round += 1) {
        for (let i = 0; i < loginLimits.perPair - 1; i += 1)
          expect((await login(username, 'nope', from)).status).toBe(401);
        expect((await login(username, password, from)).status).toBe(200);
      }
    });

    it('slows a client guessing a username with growing delays (429 with Retry-After), known or not', async () => {
      for (const username of [operatorName, `ghost-${randomInt(1e9)}`]) {
        const from = client();
        for (let i = 0; i < loginLimits.perPair; i += 1) {
          expect((await login(username, `guess ${i}`, from)).status).toBe(401);
        }
        const first = await login(username, password, from);
        expect(first.status).toBe(429);
        expect(first.body).toMatchObject({ type: 'urn:samad:problem:too-many-requests', status: 429 });
        const firstWait = Number(first.headers.get('retry-after'));
        expect(firstWait).toBeGreaterThan(0);
        // Once the wait is over one more guess is allowed, and the next wait is longer.
        await sleep(firstWait * 1000 + 200);
        expect((await login(username, 'one more guess', from)).status).toBe(401);
        const second = await login(username, password, from);
        expect(second.status).toBe(429);
        expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(firstWait);
      }
    });

    it('never keeps a user out from another client, however often one client failed for them', async () => {
      const attacker = client();
      for (let i = 0; i < loginLimits.perPair; i += 1) {
        expect((await login(staffName, `guess ${i}`, attacker)).status).toBe(401);
      }
      expect((await login(staffName, password, attacker)).status).toBe(429);
      expect((await login(staffName, password, client())).status).toBe(200);
    });

    it('lets an administrator clear a username’s failures, so the slowed client may try at once', async () => {
      const username = `sec-unlock-${randomInt(1e9)}`;
      await services.intake.app
        .get(DataSource)
        .query(`INSERT INTO intake.users (username, password_hash, role) VALUES ($1, $2, 'operator')`, [
          username,
          await hashPassword(password),
        ]);
      const from = client();
      for (let i = 0; i < loginLimits.perPair; i += 1) await login(username, 'nope', from);
      expect((await login(username, password, from)).status).toBe(429);
      const unlocked = await call('intake', 'POST', `/api/admin/users/${username.toUpperCase()}/unlock`, {
        headers: await bearer('admin'),
      });
      expect(unlocked).toMatchObject({
        status: 200,
        body: { username, forgottenFailures: loginLimits.perPair },
      });
      expect((await login(username, password, from)).status).toBe(200);
    });

    it('throttles one client address guessing many usernames, and no other address', async () => {
      const from = client();
      for (let i = 0; i < loginLimits.perClient; i += 1) {
        expect((await login(`spray-${i}-${randomInt(1e9)}`, 'password1', from)).status).toBe(401);
      }
      expect((await login(staffName, password, from)).status).toBe(429);
      expect((await login(staffName, password, client())).status).toBe(200);
    });
  });

  describe('logout and refresh', () => {
    const password = 'correct horse battery 8';
    let supervisorName: string;

    const signIn = async (): Promise<{ accessToken: string; refreshToken: string }> => {
      const res = await call('intake', 'POST', '/api/auth/login', {
        headers: client(),
        body: { username: supervisorName, password },
      });
      expect(res.status).toBe(200);
      return res.body as { accessToken: string; refreshToken: string };
    };
    const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const summary = (token: string) => call('reporting', 'GET', '/api/reports/summary', as(token));
    const catalog = (token: string) => call('intake', 'GET', '/api/catalog', as(token));
    const refresh = (refreshToken: string) =>
      call('intake', 'POST', '/api/auth/refresh', { headers: client(), body: { refreshToken } });
    const refusedBy = (what: string, probe: () => Promise<{ status: number }>) =>
      waitFor(what, async () => ((await probe()).status === 401 ? true : undefined));

    beforeAll(async () => {
      supervisorName = `sec-sup-${randomInt(1e9)}`;
      await services.intake.app
        .get(DataSource)
        .query(`INSERT INTO intake.users (username, password_hash, role) VALUES ($1, $2, 'supervisor')`, [
          supervisorName,
          await hashPassword(password),
        ]);
    });

    it('revokes the token at logout: intake refuses it at once, reporting within the cache bound', async () => {
      const { accessToken, refreshToken } = await signIn();
      // Reporting has now seen (and cached) the token as good.
      expect((await summary(accessToken)).status).toBe(200);
      expect((await catalog(accessToken)).status).toBe(200);

      const out = await call('intake', 'POST', '/api/auth/logout', as(accessToken));
      expect(out.status).toBe(204);

      const again = await catalog(accessToken);
      expect(again.status).toBe(401);
      expect(again.body).toMatchObject({ type: 'urn:samad:problem:unauthenticated' });
      await refusedBy('reporting to refuse the revoked token', () => summary(accessToken));
      // The session's refresh token died with it.
      expect((await refresh(refreshToken)).status).toBe(401);
      // Another sign-in of the same user is untouched.
      expect((await summary((await signIn()).accessToken)).status).toBe(200);
    });

    it('rotates the refresh token on each use', async () => {
      const first = await signIn();
      const renewed = await refresh(first.refreshToken);
      expect(renewed.status).toBe(200);
      expect(renewed.body).toMatchObject({ tokenType: 'Bearer', role: 'supervisor', expiresIn: 900 });
      expect(renewed.body.refreshToken).not.toBe(first.refreshToken);
      expect((await summary(renewed.body.accessToken as string)).status).toBe(200);
      const next = await refresh(renewed.body.refreshToken as string);
      expect(next.status).toBe(200);
    });

    it('ends the whole session when a used refresh token comes back', async () => {
      const first = await signIn();
      const renewed = await refresh(first.refreshToken);
      const access = renewed.body.accessToken as string;
      expect((await summary(access)).status).toBe(200);

      const replayed = await refresh(first.refreshToken);
      expect(replayed.status).toBe(401);
      expect(replayed.body).toMatchObject({ type: 'urn:samad:problem:unauthenticated' });
      // Neither the newest refresh token nor any access token of the session works any more.
      expect((await refresh(renewed.body.refreshToken as string)).status).toBe(401);
      await refusedBy('reporting to refuse the session’s access token', () => summary(access));
      await refusedBy('intake to refuse the first access token', () => catalog(first.accessToken));
    });

    it('refuses an unknown refresh token with 401 and a missing one with 400', async () => {
      expect((await refresh('x'.repeat(43))).status).toBe(401);
      const missing = await call('intake', 'POST', '/api/auth/refresh', { headers: client(), body: {} });
      expect(missing.status).toBe(400);
    });
  });

  describe("the citizen's status lookup", () => {
    const track = (code: string, from: Record<string, string>) =>
      call('intake', 'GET', `/api/track/${encodeURIComponent(code)}?mobileLast4=0000`, { headers: from });

    it('limits lookups per client address', async () => {
      const from = client();
      for (let i = 0; i < trackLimits.perClient; i += 1)
        expect((await track(newCode(), from)).status).toBe(404);
      const limited = await track(newCode(), from);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body).toMatchObject({ type: 'urn:samad:problem:too-many-requests' });
      expect((await track(newCode(), client())).status).toBe(404);
    });

    it('limits lookups per tracking code from many addresses, however the code is typed', async () => {
      const code = newCode();
      for (let i = 0; i < trackLimits.perCode; i += 1) expect((await track(code, client())).status).toBe(404);
      const persianDashed = toPersianDigits(`${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`);
      expect((await track(persianDashed, client())).status).toBe(429);
      expect((await track(newCode(), client())).status).toBe(404);
    });

    it("counts the citizen's verdict attempts with the lookups: one proof, one set of limits", async () => {
      const code = newCode();
      const verdict = (from: Record<string, string>) =>
        call('intake', 'POST', `/api/track/${code}/verdict`, {
          headers: from,
          body: { verdict: 'object', mobileLast4: '0000' },
        });
      for (let i = 0; i < trackLimits.perCode; i += 1) expect((await verdict(client())).status).toBe(404);
      expect((await track(code, client())).status).toBe(429);
      expect((await verdict(client())).status).toBe(429);
    });
  });

  describe('HTTP hardening', () => {
    it('refuses a body over the limit with 413 Problem Details', async () => {
      const res = await call('intake', 'POST', '/api/requests', {
        headers: await bearer('operator'),
        body: registrationBody({ description: 'ب'.repeat(40_000) }),
      });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ type: 'urn:samad:problem:payload-too-large', status: 413 });
    });

    it('sends security headers and keeps answers out of caches', async () => {
      const res = await call('routing', 'GET', '/api/routing/rules', { headers: await bearer('operator') });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-powered-by')).toBeNull();
      const health = await call('reporting', 'GET', '/health');
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('allows the configured browser origins only', async () => {
      const token = await bearer('operator');
      const allowed = await call('intake', 'GET', '/api/catalog', {
        headers: { ...token, origin: allowedOrigin },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
      const other = await call('intake', 'GET', '/api/catalog', {
        headers: { ...token, origin: 'https://evil.example' },
      });
      expect(other.status).toBe(200);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const preflight = (origin: string) =>
        fetch(`${services.intake.baseUrl}/api/requests`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,idempotency-key',
          },
        });
      const ok = await preflight(allowedOrigin);
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
      expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

      // A service without CORS_ORIGINS allows no browser origin at all.
      const closed = await call('routing', 'GET', '/api/routing/rules', {
        headers: { ...token, origin: allowedOrigin },
      });
      expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe("the province's identity provider (OpenID Connect)", () => {
    const idp = { issuer: 'https://sso.hormozgan.example/realms/samad', audience: 'samad' };
    let server: Server;
    let key: KeyLike;
    let agency: InProcessService;

    beforeAll(async () => {
      const pair = await generateKeyPair('ES256');
      key = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-key-1', alg: 'ES256', use: 'sig' };
      server = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      agency = await startInProcess('agency', (c) => AgencyModule.register(c), {
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/realms/samad/protocol/openid-connect/certs`,
        AUTH_ISSUER: idp.issuer,
        AUTH_AUDIENCE: idp.audience,
        AUTH_ROLE_CLAIM: 'realm_access.roles',
        AUTH_AGENCY_CLAIM: 'samad_agency',
      });
    });

    afterAll(async () => {
      await agency?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    const inbox = (token: string, query = '') =>
      fetch(`${agency.baseUrl}/api/agency/inbox${query}`, { headers: { authorization: `Bearer ${token}` } });
    const fromIdp = (claims: Json, options: { audience?: string } = {}) =>
      craftToken(claims, {
        key,
        alg: 'ES256',
        kid: 'idp-key-1',
        issuer: idp.issuer,
        audience: idp.audience,
        ...options,
      });

    it('accepts its tokens, reading the role and agency from the configured claims', async () => {
      const staff = await fromIdp({
        realm_access: { roles: ['offline_access', 'agency_staff'] },
        samad_agency: 'abfa',
      });
      const own = await inbox(staff);
      expect(own.status).toBe(200);
      expect(((await own.json()) as Json).agency).toBe('ABFA');
      const auditor = await fromIdp({ realm_access: { roles: ['auditor'] } });
      expect((await inbox(auditor, '?agency=BARGH')).status).toBe(200);
    });

    it('refuses Samad-signed tokens, other audiences and keys it does not publish', async () => {
      expect((await inbox(await tokenFor('supervisor'), '?agency=ABFA')).status).toBe(401);
      const wrongAudience = await fromIdp({ realm_access: { roles: ['auditor'] } }, { audience: 'account' });
      expect((await inbox(wrongAudience, '?agency=ABFA')).status).toBe(401);
      const stranger = await craftToken(
        { realm_access: { roles: ['auditor'] } },
        {
          key: (await generateKeyPair('RS256')).privateKey,
          alg: 'RS256',
          issuer: idp.issuer,
          audience: idp.audience,
        },
      );
      expect((await inbox(stranger, '?agency=ABFA')).status).toBe(401);
    });

    it('answers 503, not 401, while the key set cannot be fetched', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise((resolve) => closed.close(resolve));
      const verifier = TokenVerifier.create({
        ...agency.config.auth,
        keys: { source: 'jwks', jwksUrl: `http://127.0.0.1:${port}/certs` },
      });
      const token = await fromIdp({ realm_access: { roles: ['auditor'] } });
      await expect(verifier.verify(token)).rejects.toBeInstanceOf(IdentityProviderUnavailableError);
    });
  });
});
