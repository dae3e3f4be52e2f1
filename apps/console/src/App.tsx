import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Typography } from 'antd';
import faIR from 'antd/locale/fa_IR';
import enUS from 'antd/locale/en_US';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, loadSession, saveSession, type Session } from './api';
import { dictionaries, LangContext, type Lang } from './i18n';
import { SessionContext } from './session';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';
import { RegisterPage } from './pages/RegisterPage';
import { InboxPage } from './pages/InboxPage';
import { RequestPage } from './pages/RequestPage';
import { TrackPage } from './pages/TrackPage';
import { AuditorPage } from './pages/AuditorPage';
import { AdminPage } from './pages/AdminPage';
import { useLiveFeed } from './useLiveFeed';

// The charts load only for those who see them.
const SupervisorPage = lazy(() => import('./pages/SupervisorPage'));

const LANG_KEY = 'samad.lang';

function RequireRole({ roles, children }: { roles: string[]; children: ReactNode }) {
  const session = loadSession();
  const location = useLocation();
  if (!session || !roles.includes(session.role))
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** An operator's screen listens for the calls the PBX reports answered at their extension (ADR 45). */
function ScreenPop() {
  const navigate = useNavigate();
  useLiveFeed('/api/telephony/calls/events', (type, data) => {
    if (type === 'call') navigate('/register', { state: { call: data } });
  });
  return null;
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'fa'));
  const [session, setSessionState] = useState<Session | undefined>(loadSession);
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const t = dictionaries[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
    document.title = t.appName;
    localStorage.setItem(LANG_KEY, lang);
  }, [lang, t]);

  const setSession = (next: Session | undefined) => {
    saveSession(next);
    setSessionState(next);
    if (!next) queryClient.clear();
  };
  const i18n = useMemo(() => ({ lang, t, setLang }), [lang, t]);

  const menu = [
    { key: '/', label: <Link to="/">{t.navHome}</Link> },
    ...(session && ['operator', 'supervisor'].includes(session.role)
      ? [{ key: '/register', label: <Link to="/register">{t.navRegister}</Link> }]
      : []),
    ...(session?.role === 'supervisor'
      ? [{ key: '/supervisor', label: <Link to="/supervisor">{t.navDashboard}</Link> }]
      : []),
    ...(session?.role === 'auditor' ? [{ key: '/audit', label: <Link to="/audit">{t.navAudit}</Link> }] : []),
    ...(session?.role === 'admin' ? [{ key: '/admin', label: <Link to="/admin">{t.navAdmin}</Link> }] : []),
    ...(session?.role === 'agency_staff'
      ? [{ key: '/agency/inbox', label: <Link to="/agency/inbox">{t.navInbox}</Link> }]
      : []),
    { key: '/track', label: <Link to="/track">{t.navTrack}</Link> },
  ];

  return (
    <LangContext.Provider value={i18n}>
      <SessionContext.Provider value={{ session, setSession }}>
        <ConfigProvider
          direction={lang === 'fa' ? 'rtl' : 'ltr'}
          locale={lang === 'fa' ? faIR : enUS}
          theme={{
            // Secondary and hint text dark enough for WCAG AA contrast (4.5:1) on white.
            token: {
              fontFamily: 'Vazirmatn, Tahoma, sans-serif',
              colorPrimary: '#0b5394',
              colorLink: '#0b5394',
              colorError: '#cf1322',
              colorSuccess: '#237804',
              colorTextSecondary: '#595959',
              colorTextDescription: '#595959',
              colorTextTertiary: '#595959',
              colorTextPlaceholder: '#595959',
            },
          }}
        >
          <AntApp>
            {session?.role === 'operator' && <ScreenPop key={session.username} />}
            <a className="skip-link" href="#main">
              {lang === 'fa' ? 'پرش به محتوا' : 'Skip to content'}
            </a>
            <Layout style={{ minHeight: '100vh' }}>
              <Layout.Header
                style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b3d6b' }}
              >
                <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
                  {t.appName}
                </Typography.Text>
                <nav aria-label={lang === 'fa' ? 'منوی اصلی' : 'Main menu'} style={{ flex: 1, minWidth: 0 }}>
                  <Menu
                    theme="dark"
                    mode="horizontal"
                    selectedKeys={[location.pathname]}
                    items={menu}
                    style={{ background: 'transparent' }}
                  />
                </nav>
                <Space>
                  <Button
                    onClick={() => setLang(lang === 'fa' ? 'en' : 'fa')}
                    lang={lang === 'fa' ? 'en' : 'fa'}
                    data-testid="lang-switch"
                  >
                    {t.switchLang}
                  </Button>
                  {session ? (
                    <Button
                      onClick={() => {
                        // Ends the session on the server too (its refresh tokens stop working); best effort.
                        void api('POST', '/api/auth/logout', { token: session.accessToken }).catch(
                          () => undefined,
                        );
                        setSession(undefined);
                        navigate('/');
                      }}
                    >
                      {t.signOut} ({session.username})
                    </Button>
                  ) : (
                    <Button type="primary" onClick={() => navigate('/sign-in')}>
                      {t.signIn}
                    </Button>
                  )}
                </Space>
              </Layout.Header>
              <Layout.Content
                id="main"
                style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}
              >
                <Routes>
                  <Route path="/" element={<HomePage />} />
                  <Route path="/sign-in" element={<SignInPage />} />
                  <Route
                    path="/register"
                    element={
                      <RequireRole roles={['operator', 'supervisor']}>
                        <RegisterPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/agency/inbox"
                    element={
                      <RequireRole roles={['agency_staff']}>
                        <InboxPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/agency/requests/:code"
                    element={
                      <RequireRole roles={['agency_staff']}>
                        <RequestPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/supervisor"
                    element={
                      <RequireRole roles={['supervisor']}>
                        <Suspense fallback={t.loading}>
                          <SupervisorPage />
                        </Suspense>
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/audit"
                    element={
                      <RequireRole roles={['auditor']}>
                        <AuditorPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/admin"
                    element={
                      <RequireRole roles={['admin']}>
                        <AdminPage />
                      </RequireRole>
                    }
                  />
                  <Route path="/track" element={<TrackPage />} />
                  <Route path="*" element={<Navigate to="/" replace />} />
                </Routes>
              </Layout.Content>
            </Layout>
          </AntApp>
        </ConfigProvider>
      </SessionContext.Provider>
    </LangContext.Provider>
  );
}
